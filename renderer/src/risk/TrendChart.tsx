import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type AssessmentPoint } from '../../../shared/contract/risk';
import { useFormat } from '../i18n/format';
import { useVocab } from '../records/vocab';
import { LEVEL_ORDER, levelRank } from './risk-values';

const WIDTH = 560;
const HEIGHT = 200;
const LEFT = 90;
const RIGHT = 20;
const TOP = 16;
const BOTTOM = 36;

/** Risk level over time, drawn as inline SVG, with the same data as a table behind it. */
export function TrendChart({ points }: { points: AssessmentPoint[] }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) =>
    LEFT + (points.length <= 1 ? plotW / 2 : (plotW * i) / (points.length - 1));
  const y = (rank: number) => TOP + plotH - (plotH * rank) / (LEVEL_ORDER.length - 1);
  const path = points.map((p, i) => `${x(i)},${y(levelRank(p.level))}`).join(' ');
  const summary = t('assessment.trendSummary', {
    count: points.length,
    level: points.length === 0 ? '' : vocab('risk_level', points[points.length - 1]!.level),
  });
  return (
    <figure className="chart" data-testid="risk-trend">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart-svg" role="img" aria-label={summary}>
        {LEVEL_ORDER.map((level, rank) => (
          <g key={level}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(rank)} y2={y(rank)} className="chart-grid" />
            <text x={LEFT - 8} y={y(rank) + 4} textAnchor="end" className="chart-label">
              {vocab('risk_level', level)}
            </text>
          </g>
        ))}
        {points.length > 1 ? <polyline points={path} className="chart-line" /> : null}
        {points.map((p, i) => (
          <g key={p.id}>
            <circle
              cx={x(i)}
              cy={y(levelRank(p.level))}
              r={6}
              className={`chart-point level-${p.level}`}
              data-testid="trend-point"
            />
            <text x={x(i)} y={HEIGHT - 12} textAnchor="middle" className="chart-label">
              {format.day(p.assessedOn)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {summary}{' '}
        <Button
          className="link-button"
          aria-expanded={showTable}
          aria-controls={tableId}
          onPress={() => setShowTable((v) => !v)}
        >
          {showTable ? t('charts.hideTable') : t('charts.showTable')}
        </Button>
      </figcaption>
      <div id={tableId} className={showTable ? 'chart-table' : 'visually-hidden'}>
        <table>
          <caption>{t('assessment.trendTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.assessedOn')}</th>
              <th scope="col">{t('assessment.kind')}</th>
              <th scope="col">{t('assessment.level')}</th>
              <th scope="col">{t('assessment.computedLevel')}</th>
              <th scope="col">{t('assessment.nextReview')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`#/risk/${p.id}`}>{format.day(p.assessedOn)}</a>
                </td>
                <td>{vocab('assessment_kind', p.kind)}</td>
                <td>
                  {vocab('risk_level', p.level)}
                  {p.overridden ? ` (${t('assessment.overridden')})` : ''}
                </td>
                <td>{vocab('risk_level', p.computedLevel)}</td>
                <td>{format.day(p.nextReviewOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
