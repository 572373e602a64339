import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { type ConflictVersions } from '../../../shared/contract/exchange';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { ConflictCompare } from './ConflictCompare';
import { type FieldChoice } from './ConflictFieldChoices';

/** Records changed here and at another office since the last exchange: both versions kept. */
export function ConflictsPanel({ version }: { version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [rows, setRows] = useState<Output<'exchange.conflicts'> | null>(null);
  const [open, setOpen] = useState<ConflictVersions | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { error, pending, run } = useCall();
  const load = useCallback(
    () => run(() => call('exchange.conflicts', {})).then((r) => r.ok && setRows(r.value)),
    [run],
  );
  useEffect(() => {
    void load();
  }, [load, version]);
  const compare = async (conflictId: string) => {
    setMessage(null);
    const r = await run(() => call('exchange.conflict', { conflictId }));
    if (r.ok) setOpen(r.value);
  };
  const resolve = async (
    conflictId: string,
    how: { keep: 'local' | 'incoming' } | { fields: Record<string, FieldChoice> },
  ) => {
    const r = await run(() => call('exchange.resolveConflict', { conflictId, ...how }));
    if (!r.ok) return;
    setMessage(
      'fields' in how
        ? t('handoff.conflicts.resolvedFields')
        : how.keep === 'local'
          ? t('handoff.conflicts.resolvedLocal')
          : t('handoff.conflicts.resolvedIncoming', { office: open?.officeName ?? '' }),
    );
    setOpen(null);
    await load();
    // The comparison and its buttons are gone: start again from the top of the list.
    heading.current?.focus();
  };
  return (
    <div className="exchange-panel">
      <h2 ref={heading} tabIndex={-1} className="focus-heading">
        {t('handoff.conflicts.title')}
      </h2>
      <p>{t('handoff.conflicts.body')}</p>
      <ErrorAlert error={error} />
      <StatusMessage message={message} />
      {rows === null ? null : rows.length === 0 ? (
        <p className="empty-state">{t('handoff.conflicts.empty')}</p>
      ) : (
        <ul className="plain-list" data-testid="conflicts">
          {rows.map((row) => (
            <li key={row.id}>
              {/* Describes its "Compare" button: each row has one, with the same label. */}
              <span id={`conflict-${row.id}`}>
                {t('handoff.conflicts.row', {
                  kind: t(`handoff.kinds.${row.kind}`, { defaultValue: row.kind }),
                  office: row.officeName,
                  date: format.moment(row.createdAt),
                })}
              </span>{' '}
              {open?.id === row.id ? (
                <ConflictCompare
                  versions={open}
                  pending={pending}
                  onResolve={(keep) => void resolve(row.id, { keep })}
                  onResolveFields={(fields) => void resolve(row.id, { fields })}
                />
              ) : (
                <Button
                  className="button"
                  isDisabled={pending}
                  aria-describedby={`conflict-${row.id}`}
                  onPress={() => void compare(row.id)}
                >
                  {t('handoff.conflicts.compare')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
