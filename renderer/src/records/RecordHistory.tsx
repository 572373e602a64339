import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type AuditHistoryEntry } from '../../../shared/contract/audit';
import { type VocabularyName } from '../../../shared/vocabularies';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { useVocab } from './vocab';

/** Fields whose audit values are codes of a vocabulary: shown with their labels. */
const codedFields: Record<string, VocabularyName> = {
  status: 'case_status',
  urgency: 'urgency',
  confidentiality: 'confidentiality',
  datePrecision: 'date_precision',
  country: 'country',
  scope: 'aggression_scope',
  type: 'response_type',
  channel: 'source_channel',
  reliability: 'reliability',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The audit entries of a record (for a case, also of its parts), newest first: who, when, what.
 * Free text never reaches the log, so an entry names the text fields that changed, not their
 * words. "Verify" checks the whole hash chain and names the first broken link.
 */
export function RecordHistory({ entityId, version }: { entityId: string; version: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useVocab();
  const [entries, setEntries] = useState<AuditHistoryEntry[] | null>(null);
  const verify = useCall();
  const [verdict, setVerdict] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    void call('audit.history', { entityId })
      .then((found) => {
        if (active) setEntries([...found].reverse());
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [entityId, version]);

  const fieldName = (name: string) => t(`history.field.${name}`, { defaultValue: name });
  const describe = (entry: AuditHistoryEntry): string[] => {
    const changes = isRecord(entry.changes) ? entry.changes : {};
    const set = isRecord(changes['set']) ? changes['set'] : {};
    const texts = Array.isArray(changes['textChanged']) ? changes['textChanged'] : [];
    const parts = Object.entries(set).map(([name, value]) => {
      const vocabulary = codedFields[name];
      const shown =
        vocabulary !== undefined && typeof value === 'string'
          ? label(vocabulary, value)
          : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : t('history.listValue');
      return t('history.setTo', { field: fieldName(name), value: shown });
    });
    const textParts = texts
      .filter((name): name is string => typeof name === 'string')
      .map((name) => t('history.textChanged', { field: fieldName(name) }));
    return [...parts, ...textParts];
  };

  return (
    <section className="record-block" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      <p className="field-description">{t('history.intro')}</p>
      <div className="actions">
        <Button
          className="button"
          isDisabled={verify.pending}
          onPress={() => {
            setVerdict(null);
            void verify
              .run(() => call('audit.verify', {}))
              .then((result) => {
                if (!result.ok) return;
                setVerdict(
                  result.value.intact
                    ? t('history.intact', { count: result.value.entries })
                    : t('history.broken', { seq: result.value.firstBrokenSeq }),
                );
              });
          }}
        >
          {t('history.verify')}
        </Button>
      </div>
      <ErrorAlert error={verify.error} />
      <StatusMessage message={verdict} />
      {entries === null ? (
        <p>{t('shell.loading')}</p>
      ) : (
        <ol className="history" data-testid="history">
          {entries.map((entry) => (
            <li key={entry.seq} className="history-entry">
              <p className="history-head">
                <strong>
                  {t(`history.action.${entry.action}`, { defaultValue: entry.action })}
                  {' · '}
                  {t(`history.entity.${entry.entity}`, { defaultValue: entry.entity })}
                </strong>{' '}
                <span className="record-meta">
                  {t('history.byWhen', { actor: entry.actor, when: format.moment(entry.at) })}
                </span>
              </p>
              {describe(entry).length === 0 ? null : (
                <ul className="plain-list history-changes">
                  {describe(entry).map((part, index) => (
                    <li key={index}>{part}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
