import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Assessment } from '../../../shared/contract/risk';
import { type Collective, type PersonRow } from '../../../shared/contract/people';
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
import { assessmentValues, emptyAssessment, type RiskSubject } from './risk-values';

/**
 * `#/risk` (people and collectives to assess), `#/risk/person/<id>`, `#/risk/collective/<id>`,
 * `#/risk/new/<personId>`, `#/risk/new-collective/<collectiveId>`, `#/risk/<id>`.
 */
export function RiskPage({ path, displayName }: { path: string[]; displayName: string }) {
  const [first, second] = path;
  if (first === undefined) return <RiskHome />;
  if (first === 'person' && second !== undefined)
    return <SubjectRisk key={second} subject={{ kind: 'person', id: second }} />;
  if (first === 'collective' && second !== undefined)
    return <SubjectRisk key={second} subject={{ kind: 'collective', id: second }} />;
  if (first === 'new' && second !== undefined)
    return (
      <NewAssessment key={second} subject={{ kind: 'person', id: second }} assessor={displayName} />
    );
  if (first === 'new-collective' && second !== undefined)
    return (
      <NewAssessment
        key={second}
        subject={{ kind: 'collective', id: second }}
        assessor={displayName}
      />
    );
  return <AssessmentPage key={first} id={first} assessor={displayName} />;
}

/** The subject's name for headings: the person's display name or the collective's name. */
function useSubjectName(subject: RiskSubject) {
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { kind, id } = subject;
  useEffect(() => {
    let active = true;
    const found =
      kind === 'person'
        ? call('people.get', { id }).then((person) => personDisplayName(person).text)
        : call('collectives.get', { id }).then((collective) => collective.name);
    found.then(
      (text) => {
        if (active) setName(text);
      },
      (thrown: unknown) => {
        if (active) setError(toAppError(thrown));
      },
    );
    return () => {
      active = false;
    };
  }, [kind, id]);
  return { name, error };
}

function RiskHome() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<PersonRow[] | null>(null);
  const [collectives, setCollectives] = useState<Collective[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let active = true;
    Promise.all([
      call('people.list', { limit: 200, offset: 0 }),
      call('collectives.list', { limit: 200, offset: 0 }),
    ]).then(
      ([people, groups]) => {
        if (!active) return;
        setRows(people.rows);
        setCollectives(groups.rows);
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
      <h2 id="risk-people-title">{t('assessment.peopleTitle')}</h2>
      {rows === null ? null : rows.length === 0 ? (
        <p>{t('assessment.noPeople')}</p>
      ) : (
        <ul className="record-list" aria-labelledby="risk-people-title">
          {rows.map((row) => (
            <li key={row.id} className="record-row">
              <a href={`#/risk/person/${row.id}`} className="record-link">
                {personDisplayName(row).text}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2 id="risk-collectives-title">{t('assessment.collectivesTitle')}</h2>
      {collectives === null ? null : collectives.length === 0 ? (
        <p>{t('assessment.noCollectives')}</p>
      ) : (
        <ul
          className="record-list"
          aria-labelledby="risk-collectives-title"
          data-testid="risk-collectives"
        >
          {collectives.map((row) => (
            <li key={row.id} className="record-row">
              <a href={`#/risk/collective/${row.id}`} className="record-link">
                {row.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SubjectRisk({ subject }: { subject: RiskSubject }) {
  const { t } = useTranslation();
  const person = useSubjectName(subject);
  const isPerson = subject.kind === 'person';
  return (
    <section
      data-testid={isPerson ? 'screen-risk-person' : 'screen-risk-collective'}
      className="section-page"
    >
      <p>
        <a href="#/risk">{t('assessment.backToRisk')}</a> ·{' '}
        {isPerson ? (
          <a href={`#/people/${subject.id}`}>{t('assessment.toPerson')}</a>
        ) : (
          <a href={`#/people/collectives/${subject.id}`}>{t('assessment.toCollective')}</a>
        )}
      </p>
      <ErrorAlert error={person.error} />
      <FocusHeading>{t('assessment.personTitle', { name: person.name ?? '' })}</FocusHeading>
      {isPerson ? <RiskHistory personId={subject.id} /> : <RiskHistory collectiveId={subject.id} />}
    </section>
  );
}

function NewAssessment({ subject, assessor }: { subject: RiskSubject; assessor: string }) {
  const { t } = useTranslation();
  const person = useSubjectName(subject);
  const { pending, error, run } = useCall();
  const isPerson = subject.kind === 'person';
  return (
    <section data-testid="screen-risk-new" className="section-page section-wide">
      <p>
        <a href={`#/risk/${isPerson ? 'person' : 'collective'}/${subject.id}`}>
          {t('assessment.backToHistory')}
        </a>
      </p>
      <ErrorAlert error={person.error} />
      <FocusHeading>{t('assessment.newTitle', { name: person.name ?? '' })}</FocusHeading>
      <AssessmentForm
        initial={emptyAssessment(today(), assessor)}
        draftKey={`assessment:new-${subject.kind}-${subject.id}`}
        subject={subject}
        pending={pending}
        error={error}
        submitLabel={t('assessment.create')}
        onSubmit={async (values) => {
          const result = await run(() =>
            call('risk.create', {
              personId: isPerson ? subject.id : null,
              collectiveId: isPerson ? null : subject.id,
              ...values,
            }),
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
  const subject: RiskSubject | null =
    assessment.personId !== null
      ? { kind: 'person', id: assessment.personId }
      : assessment.collectiveId !== null
        ? { kind: 'collective', id: assessment.collectiveId }
        : null;
  const back = subject === null ? '#/risk' : `#/risk/${subject.kind}/${subject.id}`;
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
        draftKey={`assessment:${assessment.id}`}
        subject={subject}
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
