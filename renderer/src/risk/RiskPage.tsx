import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Assessment } from '../../../shared/contract/risk';
import { type PersonRow } from '../../../shared/contract/people';
import { dateField } from '../../../shared/contract/record-fields';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { StatusMessage } from '../components/StatusMessage';
import { TextInput } from '../components/TextInput';
import { navigate } from '../hooks/use-hash-route';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call, toAppError } from '../ipc/client';
import { personDisplayName, today } from '../records/values';
import { useVocab } from '../records/vocab';
import { AssessmentForm } from './AssessmentForm';
import { PlanPanel } from './PlanPanel';
import { RiskHistory } from './RiskHistory';
import './risk.css';
import { assessmentValues, emptyAssessment } from './risk-values';

/** `#/risk` (people to assess), `#/risk/person/<id>`, `#/risk/new/<personId>`, `#/risk/<id>`. */
export function RiskPage({ path, displayName }: { path: string[]; displayName: string }) {
  const [first, second] = path;
  if (first === undefined) return <RiskHome />;
  if (first === 'person' && second !== undefined)
    return <PersonRisk key={second} personId={second} />;
  if (first === 'new' && second !== undefined)
    return <NewAssessment key={second} personId={second} assessor={displayName} />;
  return <AssessmentPage key={first} id={first} assessor={displayName} />;
}

function usePerson(personId: string | null) {
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    if (personId === null) return undefined;
    let active = true;
    call('people.get', { id: personId }).then(
      (person) => {
        if (active) setName(personDisplayName(person).text);
      },
      (thrown: unknown) => {
        if (active) setError(toAppError(thrown));
      },
    );
    return () => {
      active = false;
    };
  }, [personId]);
  return { name, error };
}

function RiskHome() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<PersonRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let active = true;
    call('people.list', { limit: 200, offset: 0 }).then(
      (found) => {
        if (active) setRows(found.rows);
      },
      (thrown: unknown) => {
        if (active) setError(toAppError(thrown));
      },
    );
    return () => {
      active = false;
    };
  }, []);
  return (
    <section data-testid="section-risk" className="section-page">
      <FocusHeading>{t('sections.risk.title')}</FocusHeading>
      <p className="lead">{t('assessment.homeIntro')}</p>
      <ErrorAlert error={error} />
      {rows === null ? null : rows.length === 0 ? (
        <p>{t('assessment.noPeople')}</p>
      ) : (
        <ul className="record-list">
          {rows.map((row) => (
            <li key={row.id} className="record-row">
              <a href={`#/risk/person/${row.id}`} className="record-link">
                {personDisplayName(row).text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonRisk({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  return (
    <section data-testid="screen-risk-person" className="section-page">
      <p>
        <a href="#/risk">{t('assessment.backToRisk')}</a> ·{' '}
        <a href={`#/people/${personId}`}>{t('assessment.toPerson')}</a>
      </p>
      <ErrorAlert error={person.error} />
      <FocusHeading>{t('assessment.personTitle', { name: person.name ?? '' })}</FocusHeading>
      <RiskHistory personId={personId} />
    </section>
  );
}

function NewAssessment({ personId, assessor }: { personId: string; assessor: string }) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  const { pending, error, run } = useCall();
  return (
    <section data-testid="screen-risk-new" className="section-page section-wide">
      <p>
        <a href={`#/risk/person/${personId}`}>{t('assessment.backToHistory')}</a>
      </p>
      <ErrorAlert error={person.error} />
      <FocusHeading>{t('assessment.newTitle', { name: person.name ?? '' })}</FocusHeading>
      <AssessmentForm
        initial={emptyAssessment(today(), assessor)}
        pending={pending}
        error={error}
        submitLabel={t('assessment.create')}
        onSubmit={async (values) => {
          const result = await run(() =>
            call('risk.create', { personId, collectiveId: null, ...values }),
          );
          if (!result.ok) return result.error;
          navigate(`risk/${result.value.id}`);
          return null;
        }}
      />
    </section>
  );
}

const reassessSchema = z.object({ assessedOn: dateField });

function AssessmentPage({ id, assessor }: { id: string; assessor: string }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useCall();
  const reassess = useCall();
  const reassessForm = useForm<z.infer<typeof reassessSchema>>({
    resolver: zodResolver(reassessSchema),
    defaultValues: { assessedOn: today() },
  });

  const load = useCallback(
    () =>
      call('risk.get', { id }).then(setAssessment, (thrown: unknown) =>
        setLoadError(toAppError(thrown)),
      ),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  if (assessment === null) {
    return (
      <section className="section-page" data-testid="screen-risk-assessment">
        <ErrorAlert error={loadError} />
        {loadError === null ? <p>{t('shell.loading')}</p> : null}
      </section>
    );
  }
  const back = assessment.personId === null ? '#/risk' : `#/risk/person/${assessment.personId}`;
  return (
    <section data-testid="screen-risk-assessment" className="section-page section-wide">
      <p>
        <a href={back}>{t('assessment.backToHistory')}</a>
      </p>
      <FocusHeading>
        {t('assessment.assessmentTitle', {
          name: assessment.subjectLabel,
          date: format.day(assessment.assessedOn),
        })}
      </FocusHeading>
      <p className="record-meta">
        {t('assessment.savedLevel', { level: vocab('risk_level', assessment.scoring.level) })} ·{' '}
        {t(`assessment.reviewStatus.${assessment.review.status}`, {
          date: format.day(assessment.review.nextReviewOn),
        })}
      </p>
      <StatusMessage message={saved ? t('assessment.saved') : null} />
      <AssessmentForm
        key={assessment.updatedAt}
        initial={assessmentValues(assessment)}
        pending={save.pending}
        error={save.error}
        submitLabel={t('assessment.save')}
        onSubmit={async (values) => {
          setSaved(false);
          const result = await save.run(() =>
            call('risk.update', { id: assessment.id, ...values }),
          );
          if (!result.ok) return result.error;
          setAssessment(result.value);
          setSaved(true);
          return null;
        }}
      />
      <PlanPanel
        assessmentId={assessment.id}
        measures={assessment.measures}
        onChanged={() => void load()}
      />
      <section className="reassess" aria-labelledby="reassess-title">
        <h2 id="reassess-title">{t('assessment.reassessTitle')}</h2>
        <p>{t('assessment.reassessIntro')}</p>
        <ErrorAlert error={reassess.error} />
        <form
          className="form sub-form"
          noValidate
          onSubmit={reassessForm.handleSubmit(async (values) => {
            const result = await reassess.run(() =>
              call('risk.reassess', {
                id: assessment.id,
                assessedOn: values.assessedOn,
                assessor: assessor.trim() === '' ? assessment.assessor : assessor,
              }),
            );
            if (result.ok) navigate(`risk/${result.value.id}`);
          })}
        >
          <TextInput
            control={reassessForm.control}
            name="assessedOn"
            inputType="date"
            label={t('assessment.reassessDate')}
          />
          <div className="actions">
            <Button type="submit" className="button" isDisabled={reassess.pending}>
              {t('assessment.reassess')}
            </Button>
          </div>
        </form>
      </section>
    </section>
  );
}
