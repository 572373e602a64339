import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

export interface Bar {
  key: string;
  label: string;
  count: number;
}

const ROW = 26;
const LABEL_W = 190;
const VALUE_W = 50;
const WIDTH = 560;

/**
 * Horizontal bars drawn as inline SVG, with a table of the same numbers behind them (unless the
 * page already shows that table right beside the chart: `withTable={false}`).
 */
export function BarChart({
  title,
  bars,
  testId,
  withTable = true,
}: {
  title: string;
  bars: Bar[];
  testId: string;
  withTable?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const titleId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(ROW, bars.length * ROW) + 4;
  return (
    <figure className="chart" data-testid={testId} aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p>{t('charts.noData')}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart-svg" aria-hidden="true">
            {bars.map((bar, i) => {
              const y = i * ROW + 2;
              const w = (plotW * bar.count) / max;
              return (
                <g key={bar.key}>
                  <text
                    x={LABEL_W - 8}
                    y={y + ROW / 2 + 4}
                    textAnchor="end"
                    className="chart-label"
                  >
                    {bar.label}
                  </text>
                  <rect
                    x={LABEL_W}
                    y={y + 4}
                    width={Math.max(w, 1)}
                    height={ROW - 8}
                    className="chart-bar"
                  />
                  <text x={LABEL_W + w + 6} y={y + ROW / 2 + 4} className="chart-label">
                    {format.number(bar.count)}
                  </text>
                </g>
              );
            })}
          </svg>
          {withTable ? (
            <>
              <p>
                <Button
                  className="link-button"
                  aria-expanded={showTable}
                  aria-controls={tableId}
                  onPress={() => setShowTable((v) => !v)}
                >
                  {showTable ? t('charts.hideTable') : t('charts.showTable')}
                </Button>
              </p>
              <div id={tableId} className={showTable ? 'chart-table' : 'visually-hidden'}>
                <table>
                  <caption>{title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('charts.category')}</th>
                      <th scope="col">{t('charts.count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {bars.map((bar) => (
                      <tr key={bar.key}>
                        <th scope="row">{bar.label}</th>
                        <td>{format.number(bar.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      )}
    </figure>
  );
}
