import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';

/** Records changed here and at another office since the last exchange: both versions kept. */
export function ConflictsPanel({ version }: { version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [rows, setRows] = useState<Output<'exchange.conflicts'> | null>(null);
  const { error, run } = useCall();
  useEffect(() => {
    void run(() => call('exchange.conflicts', {})).then((r) => r.ok && setRows(r.value));
  }, [run, version]);
  return (
    <div className="exchange-panel">
      <h2>{t('handoff.conflicts.title')}</h2>
      <p>{t('handoff.conflicts.body')}</p>
      <ErrorAlert error={error} />
      {rows === null ? null : rows.length === 0 ? (
        <p className="empty-state">{t('handoff.conflicts.empty')}</p>
      ) : (
        <ul className="plain-list" data-testid="conflicts">
          {rows.map((row) => (
            <li key={row.id}>
              {t('handoff.conflicts.row', {
                kind: t(`handoff.kinds.${row.kind}`, { defaultValue: row.kind }),
                office: row.officeName,
                date: format.moment(row.createdAt),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
