import { useTranslation } from 'react-i18next';
import { CheckboxBox } from '../components/fields/VocabCheckboxes';
import { type ExportConsentCheck } from './use-export-consent';

/** Enough names to recognise whom it is about; the rest are counted. */
const NAMED = 20;

/**
 * Before records leave for partner offices: who has not consented to it. Sending them anyway is
 * an explicit, recorded choice, never the default.
 */
export function ConsentGapsView(props: {
  check: ExportConsentCheck | null;
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const { check } = props;
  if (check === null) {
    return <p className="field-description">{t('handoff.export.consent.checking')}</p>;
  }
  const subjects = check.people + check.collectives;
  if (check.gapCount === 0) {
    return subjects === 0 ? null : (
      <p className="field-description">
        {t('handoff.export.consent.allGiven', { count: subjects })}
      </p>
    );
  }
  const shown = check.gaps.slice(0, NAMED);
  return (
    <div className="advice warning-box" data-testid="consent-warning">
      <p>{t('handoff.export.consent.missing', { count: check.gapCount })}</p>
      <ul className="plain-list consent-gaps">
        {shown.map((gap) => (
          <li key={gap.id}>
            {t(`handoff.export.consent.reason.${gap.reason}`, {
              name: gap.label === '' ? t('handoff.export.consent.unnamed') : gap.label,
            })}
          </li>
        ))}
      </ul>
      {check.gapCount > shown.length ? (
        <p>{t('handoff.export.consent.more', { count: check.gapCount - shown.length })}</p>
      ) : null}
      <p>{t('handoff.export.consent.advice')}</p>
      <CheckboxBox
        label={t('handoff.export.consent.accept', { count: check.gapCount })}
        isSelected={props.accepted}
        onChange={props.onAccept}
        isDisabled={props.isDisabled}
      />
    </div>
  );
}
