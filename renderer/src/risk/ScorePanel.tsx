import { useTranslation } from 'react-i18next';
import { type RiskScore } from '../../../shared/risk/score';
import { useFormat } from '../i18n/format';
import { useVocab } from '../records/vocab';

/**
 * The level and why, recomputed as the assessor types. `threatLabel` and `factorLabel` name the
 * row a reason points at (its description, else its number).
 */
export function ScorePanel({
  score,
  threatLabel,
  vulnerabilityLabel,
  capacityLabel,
}: {
  score: RiskScore;
  threatLabel: (index: number) => string;
  vulnerabilityLabel: (index: number) => string;
  capacityLabel: (index: number) => string;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const top = <X,>(list: X[]) => list.slice(0, 3);
  return (
    <section className="score-panel" aria-labelledby="score-title" data-testid="risk-score">
      <h2 id="score-title">{t('assessment.scoreTitle')}</h2>
      <div aria-live="polite" aria-atomic="true">
        <p className="score-level">
          {t('assessment.levelIs')}{' '}
          <span className={`level-badge level-${score.level}`} data-testid="risk-level">
            {vocab('risk_level', score.level)}
          </span>
        </p>
        {score.override === null ? null : (
          <p>{t('assessment.computedWas', { level: vocab('risk_level', score.computedLevel) })}</p>
        )}
        <p className="record-meta">
          {t('assessment.scoreFormula', {
            t: format.number(Math.round(score.t * 100) / 100),
            v: format.number(Math.round(score.v * 100) / 100),
            c: format.number(Math.round(score.c * 100) / 100),
            score: format.number(Math.round(score.score * 100) / 100),
          })}
        </p>
      </div>
      <h3>{t('assessment.reasonsTitle')}</h3>
      <ul className="reason-list" data-testid="risk-reasons">
        {top(score.reasons.threats).map((reason) => (
          <li key={`t${reason.index}`}>
            {t('assessment.reasonThreat', {
              name: threatLabel(reason.index),
              priority: format.number(reason.priority),
              likelihood: format.number(reason.likelihood),
              impact: format.number(reason.impact),
            })}
          </li>
        ))}
        {top(score.reasons.vulnerabilities).map((reason) => (
          <li key={`v${reason.index}`}>
            {t('assessment.reasonVulnerability', {
              name: vulnerabilityLabel(reason.index),
              area: vocab('risk_area', reason.area),
              rating: format.number(reason.rating),
            })}
          </li>
        ))}
        {top(score.reasons.capacities).map((reason) => (
          <li key={`c${reason.index}`}>
            {t('assessment.reasonCapacity', {
              name: capacityLabel(reason.index),
              area: vocab('risk_area', reason.area),
              rating: format.number(reason.rating),
            })}
          </li>
        ))}
        {score.reasons.notes.map((note) => (
          <li key={note}>{t(`assessment.note.${note}`)}</li>
        ))}
      </ul>
    </section>
  );
}
