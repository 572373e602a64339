import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { responseFields, type CaseResponse } from '../../../shared/contract/case-parts';
import { longText } from '../../../shared/contract/record-fields';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { applyFieldErrors } from '../forms/field-errors';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { today } from '../records/values';

type ResponseValues = z.infer<typeof responseFields>;
const responseNames = [
  'type',
  'doneOn',
  'responsible',
  'outcome',
  'followUpOn',
  'reference',
] as const;

/** Log one action taken for the case (an urgent alert, a complaint, a request…), or edit one. */
export function ResponseForm({
  caseId,
  existing,
  onAdded,
  onCancel,
}: {
  caseId: string;
  existing?: CaseResponse;
  onAdded: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  const initial = (): ResponseValues =>
    existing === undefined
      ? {
          type: 'urgent_alert',
          doneOn: today(),
          responsible: '',
          outcome: '',
          followUpOn: null,
          reference: '',
        }
      : {
          type: existing.type,
          doneOn: existing.doneOn,
          responsible: existing.responsible,
          outcome: existing.outcome,
          followUpOn: existing.followUpOn,
          reference: existing.reference,
        };
  const form = useForm<ResponseValues>({
    resolver: zodResolver(responseFields),
    defaultValues: initial(),
  });
  const { control } = form;
  const submit = form.handleSubmit(async (values) => {
    const result = await run(() =>
      existing === undefined
        ? call('responses.add', { caseId, ...values })
        : call('responses.update', { id: existing.id, ...values }),
    );
    if (!result.ok) {
      applyFieldErrors(result.error, responseNames, form.setError);
      return;
    }
    if (existing === undefined) form.reset(initial());
    onAdded();
  });
  const titleId = existing === undefined ? 'response-add-title' : `response-edit-${existing.id}`;
  const fields = (
    <form
      className="form sub-form"
      noValidate
      onSubmit={submit}
      data-testid={existing === undefined ? 'response-form' : 'response-edit-form'}
      aria-labelledby={titleId}
    >
      <ErrorAlert error={error} />
      <div className="field-row">
        <VocabSelect
          control={control}
          name="type"
          vocabulary="response_type"
          label={t('response.type')}
        />
        <TextInput control={control} name="doneOn" inputType="date" label={t('response.doneOn')} />
      </div>
      <TextInput control={control} name="responsible" label={t('response.responsible')} />
      <TextAreaInput control={control} name="outcome" label={t('response.outcome')} rows={3} />
      <div className="field-row">
        <TextInput
          control={control}
          name="followUpOn"
          inputType="date"
          label={t('response.followUpOn')}
          nullable
        />
        <TextInput
          control={control}
          name="reference"
          label={t('response.reference')}
          description={t('response.referenceHelp')}
        />
      </div>
      <div className="actions">
        {onCancel === undefined ? null : (
          <Button className="button" onPress={onCancel}>
            {t('records.cancel')}
          </Button>
        )}
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {existing === undefined ? t('response.add') : t('response.save')}
        </Button>
      </div>
    </form>
  );
  if (existing !== undefined) {
    return (
      <div className="sub-form">
        <h4 id={titleId}>{t('response.editTitle')}</h4>
        {fields}
      </div>
    );
  }
  return (
    <section className="record-block" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('response.addTitle')}</h2>
      {fields}
    </section>
  );
}

const noteSchema = z.strictObject({ body: longText.pipe(z.string().trim().min(1, 'required')) });
type NoteValues = z.infer<typeof noteSchema>;

/** A dated note in the case's chronology (who wrote it is recorded by main). */
export function NoteForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  const form = useForm<NoteValues>({
    resolver: zodResolver(noteSchema),
    defaultValues: { body: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    const result = await run(() => call('notes.add', { caseId, body: values.body }));
    if (!result.ok) {
      applyFieldErrors(result.error, ['body'], form.setError);
      return;
    }
    form.reset({ body: '' });
    onAdded();
  });
  return (
    <section className="record-block" aria-labelledby="note-add-title">
      <h2 id="note-add-title">{t('note.addTitle')}</h2>
      <form className="form sub-form" noValidate onSubmit={submit}>
        <ErrorAlert error={error} />
        <TextAreaInput control={form.control} name="body" label={t('note.body')} rows={3} />
        <div className="actions">
          <Button type="submit" className="button button-primary" isDisabled={pending}>
            {t('note.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
