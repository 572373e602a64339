import { useDeferredValue, useMemo } from 'react';
import { Label, Meter } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { assessPassphrase, PASSPHRASE_MIN_LENGTH } from '../../../shared/passphrase-policy';

/**
 * Strength of a new passphrase, by the same policy main enforces. A role="meter" with its score
 * in words, then the reasons it is not yet acceptable (never colour alone).
 */
export function PassphraseMeter({
  passphrase,
  personal,
}: {
  passphrase: string;
  personal: string[];
}) {
  const { t } = useTranslation();
  // The estimate is not instant; typing stays responsive while it catches up.
  const deferred = useDeferredValue(passphrase);
  const personalKey = personal.join('\u0000');
  const strength = useMemo(
    () => (deferred === '' ? null : assessPassphrase(deferred, personalKey.split('\u0000'))),
    [deferred, personalKey],
  );
  const score = strength?.score ?? 0;
  const valueLabel =
    strength === null
      ? t('passphrase.empty')
      : t(strength.acceptable ? 'passphrase.acceptable' : 'passphrase.notAcceptable', {
          strength: t(`passphrase.score.${score}`),
        });
  return (
    <div className="meter-block">
      <Meter
        className="meter"
        value={strength === null ? 0 : score + 1}
        minValue={0}
        maxValue={5}
        valueLabel={valueLabel}
      >
        {({ valueText }) => (
          <>
            <div className="meter-head">
              <Label className="meter-label">{t('passphrase.meterLabel')}</Label>
              <span className="meter-value">{valueText}</span>
            </div>
            <div className="meter-track">
              <div
                className="meter-fill"
                data-score={strength === null ? 'none' : String(score)}
                data-acceptable={strength?.acceptable === true ? 'true' : 'false'}
              />
            </div>
          </>
        )}
      </Meter>
      {strength === null || strength.acceptable ? (
        <p className="meter-hint">{t('passphrase.hint', { min: PASSPHRASE_MIN_LENGTH })}</p>
      ) : (
        <ul className="meter-problems">
          {strength.problems.map((problem) => (
            <li key={problem}>
              {t(`passphrase.problems.${problem}`, { min: PASSPHRASE_MIN_LENGTH })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
