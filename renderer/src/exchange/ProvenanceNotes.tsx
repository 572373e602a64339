import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { type Provenance } from './use-provenance';

function useOfficeNames() {
  const { t } = useTranslation();
  const format = useFormat();
  return (offices: Provenance['exchangedWith']) =>
    format.list(offices.map((o) => o.name ?? t('provenance.formerPartner')));
}

/** On a record's page: where it came from, and which offices have it too. */
export function ProvenanceNote({ provenance }: { provenance: Provenance | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const officeNames = useOfficeNames();
  if (provenance === null) return null;
  const { receivedFrom, deletedThere } = provenance;
  // The office it came from is said once, in "received from".
  const others = provenance.exchangedWith.filter((o) => o.name !== receivedFrom?.officeName);
  if (receivedFrom === null && others.length === 0 && deletedThere.length === 0) return null;
  return (
    <div className="record-meta" data-testid="provenance">
      {receivedFrom === null ? null : (
        <p>
          {t('provenance.receivedFrom', {
            office: receivedFrom.officeName,
            received: format.moment(receivedFrom.importedAt),
            sent: format.moment(receivedFrom.exportedAt),
          })}
        </p>
      )}
      {others.length === 0 ? null : (
        <p>{t('provenance.exchangedWith', { offices: officeNames(others) })}</p>
      )}
      {deletedThere.map((notice) => (
        <p key={`${notice.officeName} ${notice.exportedAt}`} data-testid="deleted-there">
          {t('provenance.deletedThere', {
            office: notice.officeName,
            sent: format.moment(notice.exportedAt),
          })}
        </p>
      ))}
    </div>
  );
}

/** In a delete confirmation: the copies other offices hold are not deleted with this one. */
export function ProvenanceDeleteNote({ provenance }: { provenance: Provenance | null }) {
  const { t } = useTranslation();
  const officeNames = useOfficeNames();
  if (provenance === null || provenance.exchangedWith.length === 0) return null;
  return (
    <p>
      {t('provenance.copiesKept', {
        offices: officeNames(provenance.exchangedWith),
        count: provenance.exchangedWith.length,
      })}
    </p>
  );
}
