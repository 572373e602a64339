import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type DashboardSummary } from '../../../shared/contract/dashboard';
import { dateField } from '../../../shared/contract/record-fields';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextInput } from '../components/TextInput';
import { useFormat } from '../i18n/format';
import { call, toAppError } from '../ipc/client';
import { useVocab } from '../records/vocab';
import { BarChart, type Bar } from './BarChart';
import '../risk/risk.css';

const rangeSchema = z
  .object({ from: dateField.nullable(), to: dateField.nullable() })
  .refine((r) => r.from === null || r.to === null || r.from <= r.to, {
    message: 'invalid',
    path: ['to'],
  });
type Range = z.infer<typeof rangeSchema>;

/** What needs attention now, and what happened: the home screen once unlocked. */
export function Dashboard() {
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const [range, setRange] = useState<Range>({ from: null, to: null });
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const form = useForm<Range>({ resolver: zodResolver(rangeSchema), defaultValues: range });

  useEffect(() => {
    let active = true;
    const input = {
      ...(range.from === null ? {} : { from: range.from }),
      ...(range.to === null ? {} : { to: range.to }),
    };
    call('dashboard.summary', input).then(
      (found) => {
        if (!active) return;
        setSummary(found);
        setError(null);
      },
      (thrown: unknown) => {
        if (active) setError(toAppError(thrown));
      },
    );
    return () => {
      active = false;
    };
  }, [range]);

  const monthFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    [i18n.language],
  );
  const charts = useMemo(() => {
    if (summary === null) return null;
    const month = (key: string) => {
      const date = new Date(`${key.slice(0, 7)}-01T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? key : monthFormat.format(date);
    };
    const a = summary.aggressions;
    const byMonth: Bar[] = a.byMonth.map((b) => ({
      key: b.key,
      label: month(b.key),
      count: b.count,
    }));
    const byType: Bar[] = a.byType.map((b) => ({
      key: b.key,
      label: vocab('aggression_type', b.key),
      count: b.count,
    }));
    const byPerpetrator: Bar[] = a.byPerpetratorType.map((b) => ({
      key: b.key,
      label: vocab('perpetrator_type', b.key),
      count: b.count,
    }));
    const byCountry: Bar[] = a.byCountry.map((b) => ({
      key: b.key ?? 'none',
      label: b.key === null ? t('records.notRecorded') : vocab('country', b.key),
      count: b.count,
    }));
    return { byMonth, byType, byPerpetrator, byCountry };
  }, [summary, vocab, t, monthFormat]);

  return (
    <div className="dashboard" data-testid="dashboard">
      <ErrorAlert error={error} />
      {summary === null ? null : (
        <>
          <div className="dashboard-grid">
            <section className="dash-card" aria-labelledby="dash-urgent" data-testid="dash-urgent">
              <h2 id="dash-urgent">
                {t('overview.urgentCases', { count: summary.urgentCases.count })}
              </h2>
              {summary.urgentCases.items.length === 0 ? (
                <p>{t('overview.none')}</p>
              ) : (
                <ul className="dash-list">
                  {summary.urgentCases.items.map((item) => (
                    <li key={item.id}>
                      <a href={`#/cases/${item.id}`}>{item.title}</a>{' '}
                      <span className={`badge badge-urgency-${item.urgency}`}>
                        {vocab('urgency', item.urgency)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="dash-card" aria-labelledby="dash-atrisk" data-testid="dash-at-risk">
              <h2 id="dash-atrisk">{t('overview.atRisk', { count: summary.atRisk.count })}</h2>
              {summary.atRisk.items.length === 0 ? (
                <p>{t('overview.none')}</p>
              ) : (
                <ul className="dash-list">
                  {summary.atRisk.items.map((item) => (
                    <li key={item.assessmentId}>
                      <a
                        href={
                          item.personId !== null
                            ? `#/risk/person/${item.personId}`
                            : item.collectiveId !== null
                              ? `#/risk/collective/${item.collectiveId}`
                              : `#/risk/${item.assessmentId}`
                        }
                      >
                        {item.label}
                      </a>{' '}
                      <span className={`level-badge level-${item.level}`}>
                        {vocab('risk_level', item.level)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section
              className="dash-card"
              aria-labelledby="dash-reviews"
              data-testid="dash-reviews"
            >
              <h2 id="dash-reviews">{t('overview.reviews', { count: summary.reviews.count })}</h2>
              {summary.reviews.items.length === 0 ? (
                <p>{t('overview.none')}</p>
              ) : (
                <ul className="dash-list">
                  {summary.reviews.items.map((item) => (
                    <li key={item.assessmentId}>
                      <a href={`#/risk/${item.assessmentId}`}>{item.label}</a>{' '}
                      <span className={`review-status review-${item.status}`}>
                        {t(`assessment.reviewStatus.${item.status}`, {
                          date: format.day(item.nextReviewOn),
                        })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section
              className="dash-card"
              aria-labelledby="dash-measures"
              data-testid="dash-measures"
            >
              <h2 id="dash-measures">
                {t('overview.overdueMeasures', { count: summary.overdueMeasures.count })}
              </h2>
              {summary.overdueMeasures.items.length === 0 ? (
                <p>{t('overview.none')}</p>
              ) : (
                <ul className="dash-list">
                  {summary.overdueMeasures.items.map((item) => (
                    <li key={item.id} className="measure-overdue">
                      <a href={`#/risk/${item.assessmentId}`}>{item.description}</a>
                      <br />
                      <span className="record-meta">
                        {t('overview.measureMeta', {
                          name: item.label,
                          category: vocab('measure_category', item.category),
                          responsible: item.responsible,
                          date: format.day(item.dueOn),
                        })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          <section aria-labelledby="dash-aggressions" className="dash-aggressions">
            <h2 id="dash-aggressions">
              {t('overview.aggressions', { count: summary.aggressions.total })}
            </h2>
            <form
              className="form filters-range"
              noValidate
              aria-label={t('overview.rangeLabel')}
              onSubmit={form.handleSubmit((values) => setRange(values))}
            >
              <div className="field-row">
                <TextInput
                  control={form.control}
                  name="from"
                  inputType="date"
                  nullable
                  label={t('overview.from')}
                />
                <TextInput
                  control={form.control}
                  name="to"
                  inputType="date"
                  nullable
                  label={t('overview.to')}
                />
              </div>
              <div className="actions">
                <Button type="submit" className="button">
                  {t('overview.apply')}
                </Button>
                <Button
                  className="button"
                  onPress={() => {
                    form.reset({ from: null, to: null });
                    setRange({ from: null, to: null });
                  }}
                >
                  {t('overview.clear')}
                </Button>
              </div>
            </form>
            {charts === null ? null : (
              <div className="chart-grid">
                <BarChart
                  title={t('overview.byMonth')}
                  bars={charts.byMonth}
                  testId="chart-month"
                />
                <BarChart title={t('overview.byType')} bars={charts.byType} testId="chart-type" />
                <BarChart
                  title={t('overview.byPerpetrator')}
                  bars={charts.byPerpetrator}
                  testId="chart-perpetrator"
                />
                <BarChart
                  title={t('overview.byCountry')}
                  bars={charts.byCountry}
                  testId="chart-country"
                />
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
