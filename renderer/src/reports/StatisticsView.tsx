import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BarChart } from '../dashboard/BarChart';
import { z } from 'zod';
import {
  type Statistics,
  type StatisticsCell,
  type StatisticsDimension,
} from '../../../shared/contract/statistics';
import { dateField } from '../../../shared/contract/record-fields';
import { type VocabularyName } from '../../../shared/vocabularies';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { TextInput } from '../components/TextInput';
import { useCall } from '../hooks/use-call';
import { call, toAppError } from '../ipc/client';
import { useVocab } from '../records/vocab';
import './reports.css';

const periodSchema = z.object({ from: dateField.nullable(), to: dateField.nullable() });
type Period = z.infer<typeof periodSchema>;

const asInput = (period: Period) => ({
  ...(period.from === null ? {} : { from: period.from }),
  ...(period.to === null ? {} : { to: period.to }),
});

/** Aggregate counts for advocacy: suppressed cells stay hidden, nothing names anyone. */
export function StatisticsView() {
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const load = useCall();
  const save = useCall();
  const { run, setError } = load;
  const [stats, setStats] = useState<Statistics | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const form = useForm<Period>({
    resolver: zodResolver(periodSchema),
    defaultValues: { from: null, to: null },
  });

  const refresh = useCallback(
    async (period: Period) => {
      const result = await run(() => call('statistics.summary', asInput(period)));
      if (result.ok) setStats(result.value);
    },
    [run],
  );

  useEffect(() => {
    let active = true;
    call('statistics.summary', {}).then(
      (found) => {
        if (active) setStats(found);
      },
      (thrown: unknown) => {
        if (active) setError(toAppError(thrown));
      },
    );
    return () => {
      active = false;
    };
  }, [setError]);

  const show = form.handleSubmit((period) => refresh(period));
  const exportCsv = form.handleSubmit(async (period) => {
    setExported(null);
    const result = await save.run(() =>
      call('statistics.export', {
        ...asInput(period),
        language: i18n.language === 'en' ? 'en' : 'es',
      }),
    );
    if (!result.ok) return;
    setExported(
      result.value.saved
        ? t('statsView.exported', { rows: result.value.rows, suppressed: result.value.suppressed })
        : t('statsView.exportCancelled'),
    );
  });

  const label = (dimension: StatisticsDimension, code: string) => {
    if (code === 'unknown') return t('statsView.unknown');
    if (dimension === 'year') return code;
    return vocab(dimension as VocabularyName, code);
  };
  const dimensionTitle = (dimension: StatisticsDimension) =>
    ({
      year: t('statsView.dimension.year'),
      country: t('statsView.dimension.country'),
      aggression_type: t('statsView.dimension.aggression_type'),
      perpetrator_type: t('statsView.dimension.perpetrator_type'),
      right_defended: t('statsView.dimension.right_defended'),
      gender_component: t('statsView.dimension.gender_component'),
    })[dimension];

  const cellValues = (cell: StatisticsCell, min: number) =>
    cell.suppressed ? (
      <td colSpan={2} className="stat-suppressed">
        {t('statsView.suppressed', { count: min })}
      </td>
    ) : (
      <>
        <td className="number">{cell.aggressions}</td>
        <td className="number">{cell.cases}</td>
      </>
    );

  return (
    <section data-testid="statistics" aria-labelledby="statistics-title">
      <h2 id="statistics-title">{t('statsView.title')}</h2>
      <p>{t('statsView.intro')}</p>
      <form className="form" noValidate onSubmit={(e) => void show(e)}>
        <div className="field-row">
          <TextInput
            control={form.control}
            name="from"
            inputType="date"
            nullable
            label={t('statsView.from')}
          />
          <TextInput
            control={form.control}
            name="to"
            inputType="date"
            nullable
            label={t('statsView.to')}
          />
        </div>
        <div className="actions">
          <Button type="submit" className="button button-primary" isDisabled={load.pending}>
            {t('statsView.show')}
          </Button>
          <Button className="button" isDisabled={save.pending} onPress={() => void exportCsv()}>
            {t('statsView.export')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={load.error ?? save.error} />
      <StatusMessage message={exported} />
      {stats === null ? null : (
        <div data-testid="statistics-tables">
          <p data-testid="statistics-total">
            {stats.total.suppressed
              ? t('statsView.totalSuppressed', { count: stats.minCases })
              : t('statsView.total', {
                  aggressions: stats.total.aggressions ?? 0,
                  cases: stats.total.cases ?? 0,
                })}
          </p>
          <p className="field-description">{t('statsView.rule', { count: stats.minCases })}</p>
          {stats.dimensions.map((dimension) => (
            <div key={dimension.dimension} className="stats-dimension">
              {/* Suppressed cells are never drawn: a bar would show what the table hides. */}
              <BarChart
                title={dimensionTitle(dimension.dimension)}
                testId={`statistics-chart-${dimension.dimension}`}
                withTable={false}
                bars={dimension.cells.flatMap((cell) =>
                  cell.suppressed || cell.cases === null
                    ? []
                    : [
                        {
                          key: cell.code,
                          label: label(dimension.dimension, cell.code),
                          count: cell.cases,
                        },
                      ],
                )}
              />
              <table className="stats-table">
                <caption>{dimensionTitle(dimension.dimension)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('statsView.category')}</th>
                    <th scope="col">{t('statsView.aggressions')}</th>
                    <th scope="col">{t('statsView.cases')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dimension.cells.length === 0 ? (
                    <tr>
                      <td colSpan={3}>{t('charts.noData')}</td>
                    </tr>
                  ) : (
                    dimension.cells.map((cell) => (
                      <tr key={cell.code}>
                        <th scope="row">{label(dimension.dimension, cell.code)}</th>
                        {cellValues(cell, stats.minCases)}
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
