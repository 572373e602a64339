import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { navigate } from '../hooks/use-hash-route';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { today } from '../records/values';
import { CaseForm } from './CaseForm';
import { caseValues, createInput, emptyCase, planCaseSave, type SaveStep } from './case-values';
import { useCase } from './use-case';

export function NewCasePage() {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  return (
    <section data-testid="screen-case-new" className="section-page section-wide">
      <p>
        <a href="#/cases">{t('case.backToList')}</a>
      </p>
      <FocusHeading>{t('case.new')}</FocusHeading>
      <CaseForm
        initial={emptyCase(today())}
        draftKey="case:new"
        pending={pending}
        error={error}
        submitLabel={t('case.create')}
        onSubmit={async (values) => {
          const result = await run(() => call('cases.create', createInput(values)));
          if (!result.ok) return result.error;
          navigate(`cases/${result.value.id}`);
          return null;
        }}
      />
    </section>
  );
}

function runStep(step: SaveStep): Promise<unknown> {
  switch (step.op) {
    case 'cases.update':
      return call(step.op, step.input);
    case 'aggressions.delete':
      return call(step.op, step.input);
    case 'aggressions.update':
      return call(step.op, step.input);
    case 'aggressions.add':
      return call(step.op, step.input);
    case 'sources.delete':
      return call(step.op, step.input);
    case 'sources.update':
      return call(step.op, step.input);
    case 'sources.add':
      return call(step.op, step.input);
  }
}

export function EditCasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { detail, error: loadError } = useCase(id);
  const { pending, error, run } = useCall();
  if (detail === null) {
    return (
      <section className="section-page" data-testid="screen-case-edit">
        <ErrorAlert error={loadError} />
        {loadError === null ? <p>{t('shell.loading')}</p> : null}
      </section>
    );
  }
  const before = caseValues(detail);
  return (
    <section data-testid="screen-case-edit" className="section-page section-wide">
      <p>
        <a href={`#/cases/${id}`}>{t('case.backToCase')}</a>
      </p>
      <FocusHeading>{t('case.editTitle', { title: detail.title })}</FocusHeading>
      <CaseForm
        initial={before}
        draftKey={`case:${id}`}
        pending={pending}
        error={error}
        submitLabel={t('case.save')}
        onSubmit={async (values) => {
          // One call per changed part, in order; the first refusal stops the rest.
          const result = await run(async () => {
            for (const step of planCaseSave(id, before, values)) await runStep(step);
          });
          if (!result.ok) return result.error;
          navigate(`cases/${id}`);
          return null;
        }}
      />
    </section>
  );
}
