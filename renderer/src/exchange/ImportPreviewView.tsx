import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ImportPreview } from '../../../shared/contract/exchange';
import { CheckboxBox } from '../components/fields/VocabCheckboxes';
import { useFormat } from '../i18n/format';
import { ArrivingGroups } from './ArrivingGroups';
import { FingerprintGroups } from './FingerprintGroups';
import { nothingToTake } from './nothing-to-take';

const SHOWN = 100;

/** What applying would do, who sent it, and — for an unconfirmed sender — an explicit choice. */
export function ImportPreviewView(props: {
  preview: ImportPreview;
  pending: boolean;
  onApply: (acceptUnverified: boolean) => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { preview } = props;
  const [accepted, setAccepted] = useState(false);
  const { counts } = preview;
  return (
    <section
      className="import-preview"
      data-testid="import-preview"
      aria-labelledby="import-preview-title"
    >
      <h3 id="import-preview-title">{t('handoff.import.previewTitle')}</h3>
      <p>
        {t('handoff.import.from', {
          name: preview.sender.name,
          date: format.moment(preview.createdAt),
        })}
      </p>
      <FingerprintGroups
        spoken={preview.sender.spokenFingerprint}
        label={t('handoff.import.fingerprint')}
      />
      <p>{t(`handoff.import.sender.${preview.sender.status}`)}</p>
      {preview.needsAcceptance ? (
        <div className="advice warning-box" data-testid="sender-warning">
          <p>{t('handoff.import.senderWarning')}</p>
          <CheckboxBox
            label={t('handoff.import.accept')}
            isSelected={accepted}
            onChange={setAccepted}
          />
        </div>
      ) : null}
      {nothingToTake(preview) ? (
        <p className="advice" data-testid="nothing-new">
          {t('handoff.import.nothingNew')}
        </p>
      ) : null}
      <ul className="plain-list import-counts">
        <li>{t('handoff.import.counts.new', { count: counts.new })}</li>
        <li>{t('handoff.import.counts.update', { count: counts.update })}</li>
        <li>{t('handoff.import.counts.unchanged', { count: counts.unchanged })}</li>
        <li>{t('handoff.import.counts.conflict', { count: counts.conflict })}</li>
        {optionalCounts(preview).map(([key, count]) => (
          <li key={key}>{t(`handoff.import.counts.${key}`, { count })}</li>
        ))}
        <li>{t('handoff.import.counts.evidence', { count: preview.evidenceCount })}</li>
      </ul>
      <ArrivingGroups arriving={preview.arriving} />
      <table className="import-records">
        <caption>
          {t('handoff.import.recordsCaption', { shown: Math.min(SHOWN, preview.records.length) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('handoff.import.kindColumn')}</th>
            <th scope="col">{t('handoff.import.verdictColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.records.slice(0, SHOWN).map((record) => (
            <tr key={`${record.kind}:${record.id}`}>
              <td>{t(`handoff.kinds.${record.kind}`, { defaultValue: record.kind })}</td>
              <td>{t(`handoff.import.verdict.${record.verdict}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <Button className="button" onPress={props.onDiscard} isDisabled={props.pending}>
          {t('handoff.import.discard')}
        </Button>
        <Button
          className="button button-primary"
          isDisabled={props.pending || (preview.needsAcceptance && !accepted)}
          onPress={() => props.onApply(accepted)}
        >
          {t('handoff.import.apply')}
        </Button>
      </div>
    </section>
  );
}

/** What only some files bring (deletions on either side): said only when there is any. */
function optionalCounts(preview: ImportPreview) {
  const counts = [
    ['deletedThere', preview.deletedThere],
    ['removedThere', preview.removedThere],
    ['keptChangedHere', preview.keptChangedHere],
    ['conflictsSettled', preview.conflictsSettled],
    ['deleted', preview.counts.deleted],
  ] as const;
  return counts.filter(([, count]) => count > 0);
}
