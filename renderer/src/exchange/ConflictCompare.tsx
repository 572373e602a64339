import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ConflictVersions } from '../../../shared/contract/exchange';
import { ConfirmButton } from '../components/ConfirmDialog';

type FieldValue = ConflictVersions['fields'][number]['local'];

/** Free text longer than this is narrative: hidden until the user asks for the details. */
const SHORT = 80;

function isLong(value: FieldValue) {
  return typeof value === 'string' && value.length > SHORT;
}

/** Both versions of one conflicting record, field by field, with the two ways to settle it. */
export function ConflictCompare(props: {
  versions: ConflictVersions;
  pending: boolean;
  onResolve: (keep: 'local' | 'incoming') => void;
}) {
  const { t } = useTranslation();
  const [details, setDetails] = useState(false);
  const { versions } = props;
  const hasLong = versions.fields.some((f) => isLong(f.local) || isLong(f.incoming));
  const show = (value: FieldValue) => {
    if (value === null) return '—';
    if (Array.isArray(value)) return value.join(', ');
    if (!details && isLong(value)) {
      return t('handoff.conflicts.hiddenText', { count: String(value).length });
    }
    return String(value);
  };
  return (
    <div className="conflict-compare" data-testid="conflict-compare">
      <table className="conflict-table">
        <caption>
          {t('handoff.conflicts.compareCaption', {
            kind: t(`handoff.kinds.${versions.kind}`, { defaultValue: versions.kind }),
            office: versions.officeName,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('handoff.conflicts.field')}</th>
            <th scope="col">{t('handoff.conflicts.ours')}</th>
            <th scope="col">{t('handoff.conflicts.theirs', { office: versions.officeName })}</th>
          </tr>
        </thead>
        <tbody>
          {versions.fields.map((f) => (
            <tr key={f.field} className={f.differs ? 'conflict-differs' : undefined}>
              <th scope="row">
                {t(`handoff.fields.${f.field}`, { defaultValue: f.field })}
                {f.differs ? (
                  <span className="visually-hidden">{` (${t('handoff.conflicts.differs')})`}</span>
                ) : null}
              </th>
              <td>{versions.localExists ? show(f.local) : t('handoff.conflicts.deletedHere')}</td>
              <td>{show(f.incoming)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {hasLong ? (
          <Button className="button" aria-pressed={details} onPress={() => setDetails(!details)}>
            {details ? t('handoff.conflicts.hideDetails') : t('handoff.conflicts.showDetails')}
          </Button>
        ) : null}
        <ConfirmButton
          label={t('handoff.conflicts.keepOurs')}
          title={t('handoff.conflicts.keepOursTitle')}
          confirmLabel={t('handoff.conflicts.keepOurs')}
          isDisabled={props.pending}
          onConfirm={() => props.onResolve('local')}
        >
          <p>{t('handoff.conflicts.keepOursBody', { office: versions.officeName })}</p>
        </ConfirmButton>
        <ConfirmButton
          label={t('handoff.conflicts.takeTheirs')}
          title={t('handoff.conflicts.takeTheirsTitle')}
          confirmLabel={t('handoff.conflicts.takeTheirs')}
          isDisabled={props.pending}
          danger
          onConfirm={() => props.onResolve('incoming')}
        >
          <p>{t('handoff.conflicts.takeTheirsBody', { office: versions.officeName })}</p>
        </ConfirmButton>
      </div>
    </div>
  );
}
