import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Measure } from '../../../shared/contract/risk';
import { measureStatus, type MeasureStatus } from '../../../shared/vocabularies/risk';
import { CodeSelect } from '../components/fields/CodeSelect';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { useVocabChoices } from '../components/fields/VocabSelect';
import { VocabSelect } from '../components/fields/VocabSelect';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextInput } from '../components/TextInput';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { today } from '../records/values';
import { useVocab } from '../records/vocab';
import { isOverdue, measureFormSchema, type MeasureFormValues } from './risk-values';

const emptyMeasure = (): MeasureFormValues => ({
  category: 'physical',
  description: '',
  responsible: '',
  dueOn: null,
  status: 'planned',
});

/** The protection plan of one assessment: its measures, overdue ones marked, and a new one. */
export function PlanPanel({
  assessmentId,
  measures,
  onChanged,
}: {
  assessmentId: string;
  measures: Measure[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const statusChoices = useVocabChoices('measure_status');
  const add = useCall();
  const change = useCall();
  const form = useForm<MeasureFormValues>({
    resolver: zodResolver(measureFormSchema),
    defaultValues: emptyMeasure(),
  });
  const now = today();

  const submit = form.handleSubmit(async (values) => {
    const result = await add.run(() => call('plans.addMeasure', { assessmentId, ...values }));
    if (!result.ok) return;
    form.reset(emptyMeasure());
    onChanged();
  });

  return (
    <section className="plan-panel" aria-labelledby="plan-title" data-testid="risk-plan">
      <h2 id="plan-title">{t('plan.title')}</h2>
      <ErrorAlert error={change.error} />
      {measures.length === 0 ? (
        <p>{t('plan.empty')}</p>
      ) : (
        <ul className="record-list measure-list">
          {measures.map((measure) => {
            const overdue = isOverdue(measure, now);
            return (
              <li
                key={measure.id}
                className={overdue ? 'record-row measure measure-overdue' : 'record-row measure'}
                data-testid="measure"
              >
                <p className="measure-head">
                  <span className="badge">{vocab('measure_category', measure.category)}</span>{' '}
                  {measure.description}
                </p>
                <p className="record-meta">
                  {t('plan.responsibleIs', { name: measure.responsible })}
                  {measure.dueOn === null
                    ? null
                    : ` · ${t('plan.dueOnIs', { date: format.day(measure.dueOn) })}`}
                </p>
                {overdue ? <p className="overdue-flag">{t('plan.overdue')}</p> : null}
                <CodeSelect
                  label={t('plan.statusOf', { description: measure.description })}
                  choices={statusChoices}
                  value={measure.status}
                  isDisabled={change.pending}
                  onChange={(value) => {
                    const status = measureStatus.schema.safeParse(value);
                    if (!status.success) return;
                    const next: MeasureStatus = status.data;
                    void change
                      .run(() => call('plans.updateMeasure', { id: measure.id, status: next }))
                      .then((result) => {
                        if (result.ok) onChanged();
                      });
                  }}
                />
              </li>
            );
          })}
        </ul>
      )}
      <form className="form sub-form" noValidate onSubmit={submit} aria-labelledby="measure-new">
        <h3 id="measure-new">{t('plan.addTitle')}</h3>
        <ErrorAlert error={add.error} />
        <div className="field-row">
          <VocabSelect
            control={form.control}
            name="category"
            vocabulary="measure_category"
            label={t('plan.category')}
          />
          <VocabSelect
            control={form.control}
            name="status"
            vocabulary="measure_status"
            label={t('plan.status')}
          />
        </div>
        <TextAreaInput
          control={form.control}
          name="description"
          label={t('plan.description')}
          rows={2}
        />
        <div className="field-row">
          <TextInput control={form.control} name="responsible" label={t('plan.responsible')} />
          <TextInput
            control={form.control}
            name="dueOn"
            inputType="date"
            nullable
            label={t('plan.dueOn')}
          />
        </div>
        <div className="actions">
          <Button type="submit" className="button" isDisabled={add.pending}>
            {t('plan.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
