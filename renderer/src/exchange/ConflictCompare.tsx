import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ConflictVersions } from '../../../shared/contract/exchange';
import { ConfirmButton } from '../components/ConfirmDialog';
import { ConflictFieldChoices, type FieldChoice } from './ConflictFieldChoices';
import { isHidden, useConflictDisplay } from './conflict-values';

/** Both versions of one conflicting record, field by field, with the two ways to settle it. */
export function ConflictCompare(props: {
  versions: ConflictVersions;
  pending: boolean;
  onResolve: (keep: 'local' | 'incoming') => void;
  onResolveFields: (fields: Record<string, FieldChoice>) => void;
}) {
  const { t } = useTranslation();
  const [details, setDetails] = useState(false);
  const { versions } = props;
  const { fieldLabel, show } = useConflictDisplay(versions.kind);
  // The "Compare" button that opened this is gone: focus lands on the table, announced by its
  // caption, so keyboard and screen-reader users continue from here rather than from the top.
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => table.current?.focus(), []);
  // What changed comes first; the rest keeps main's order (by column) below it.
  const fields = [...versions.fields].sort((a, b) => Number(b.differs) - Number(a.differs));
  const hasLong = fields.some((f) => isHidden(f.field, f.local) || isHidden(f.field, f.incoming));
  return (
    <div className="conflict-compare" data-testid="conflict-compare">
      <table className="conflict-table" ref={table} tabIndex={-1}>
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
          {fields.map((f) => (
            <tr key={f.field} className={f.differs ? 'conflict-differs' : undefined}>
              <th scope="row">
                {fieldLabel(f.field)}
                {f.differs ? (
                  <span className="visually-hidden">{` (${t('handoff.conflicts.differs')})`}</span>
                ) : null}
              </th>
              <td>
                {versions.localExists
                  ? show(f.field, f.local, details)
                  : t('handoff.conflicts.deletedHere')}
              </td>
              <td>{show(f.field, f.incoming, details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.ownerDeletedHere ? (
        <p className="warning-text">
          {t('handoff.conflicts.ownerDeletedHere', { office: versions.officeName })}
        </p>
      ) : null}
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
        {versions.ownerDeletedHere ? null : (
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
        )}
      </div>
      {versions.ownerDeletedHere ? null : (
        <ConflictFieldChoices
          versions={versions}
          pending={props.pending}
          onResolve={props.onResolveFields}
        />
      )}
    </div>
  );
}
