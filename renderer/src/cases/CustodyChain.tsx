import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustodyEntry } from '../../../shared/contract/evidence';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { useVocab } from '../records/vocab';

/** Who did what with one file and whether its hash still matched, loaded when opened. */
export function CustodyChain({ evidenceId }: { evidenceId: string }) {
  const { t } = useTranslation();
  const label = useVocab();
  const format = useFormat();
  const [entries, setEntries] = useState<CustodyEntry[] | null>(null);
  return (
    <details
      className="custody"
      onToggle={(event) => {
        if (!event.currentTarget.open) return;
        void call('evidence.custody', { id: evidenceId })
          .then(setEntries)
          .catch(() => setEntries([]));
      }}
    >
      <summary>{t('attachment.custody')}</summary>
      {entries === null ? null : (
        <ol className="plain-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              {entry.office === null
                ? t('attachment.custodyEntry', {
                    action: label('custody_action', entry.action),
                    actor: entry.actor,
                    when: format.moment(entry.at),
                  })
                : t('attachment.custodyEntryElsewhere', {
                    action: label('custody_action', entry.action),
                    actor: entry.actor,
                    office: entry.office.name ?? t('attachment.otherOffice'),
                    when: format.moment(entry.at),
                  })}{' '}
              <strong>{entry.hashOk ? t('attachment.hashOk') : t('attachment.hashBad')}</strong>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
