import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Consent, type Person } from '../../../shared/contract/people';
import { type AppError } from '../../../shared/errors';
import { ConfirmButton } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { StatusMessage } from '../components/StatusMessage';
import { navigate } from '../hooks/use-hash-route';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call, toAppError } from '../ipc/client';
import { ProvenanceDeleteNote, ProvenanceNote } from '../exchange/ProvenanceNotes';
import { useProvenance } from '../exchange/use-provenance';
import { RecordHistory } from '../records/RecordHistory';
import { RiskHistory } from '../risk/RiskHistory';
import { personDisplayName } from '../records/values';
import { ConsentPanel } from './ConsentPanel';
import { PersonForm } from './PersonForm';
import { emptyPerson, personValues } from './person-values';

export function NewPersonPage() {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  return (
    <section data-testid="screen-person-new" className="section-page">
      <p>
        <a href="#/people">{t('person.backToList')}</a>
      </p>
      <FocusHeading>{t('person.new')}</FocusHeading>
      <PersonForm
        initial={emptyPerson()}
        draftKey="person:new"
        pending={pending}
        error={error}
        submitLabel={t('person.create')}
        onSubmit={async (values) => {
          const result = await run(() => call('people.create', values));
          if (!result.ok) return result.error;
          navigate(`people/${result.value.id}`);
          return null;
        }}
      />
    </section>
  );
}

/** One defender: her profile (editable), her consents, and deleting her. */
export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [person, setPerson] = useState<Person | null>(null);
  const [consents, setConsents] = useState<Consent[]>([]);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useCall();
  const remove = useCall();
  const provenance = useProvenance('people', id, person?.updatedAt);

  const loadConsents = useCallback(
    () => call('consents.list', { personId: id }).then(setConsents),
    [id],
  );

  useEffect(() => {
    let active = true;
    Promise.all([call('people.get', { id }), call('consents.list', { personId: id })]).then(
      ([found, list]) => {
        if (!active) return;
        setPerson(found);
        setConsents(list);
      },
      (error: unknown) => {
        if (active) setLoadError(toAppError(error));
      },
    );
    return () => {
      active = false;
    };
  }, [id]);

  if (person === null) {
    return (
      <section className="section-page" data-testid="screen-person">
        <p>
          <a href="#/people">{t('person.backToList')}</a>
        </p>
        <ErrorAlert error={loadError} />
        {loadError === null ? <p>{t('shell.loading')}</p> : null}
      </section>
    );
  }

  const shown = personDisplayName(person);
  const activeConsents = consents.filter((consent) => consent.revokedAt === null).length;
  return (
    <section data-testid="screen-person" className="section-page">
      <p>
        <a href="#/people">{t('person.backToList')}</a>
      </p>
      <FocusHeading>{shown.text}</FocusHeading>
      <p className="record-meta">
        {t('records.lastEdited', { when: format.moment(person.updatedAt) })}
      </p>
      <ProvenanceNote provenance={provenance} />
      <p>
        <a className="button link-button" href={`#/reports/dossier/person/${person.id}`}>
          {t('dossierForm.prepare')}
        </a>
      </p>
      <StatusMessage message={saved ? t('person.saved') : null} />
      <h2>{t('person.profileTitle')}</h2>
      <PersonForm
        key={person.updatedAt}
        initial={personValues(person)}
        draftKey={`person:${person.id}`}
        pending={save.pending}
        error={save.error}
        submitLabel={t('person.save')}
        onSubmit={async (values) => {
          setSaved(false);
          const result = await save.run(() => call('people.update', { id: person.id, ...values }));
          if (!result.ok) return result.error;
          setPerson(result.value);
          setSaved(true);
          return null;
        }}
      />
      <ConsentPanel
        owner={{ personId: person.id }}
        consents={consents}
        onChanged={() => void loadConsents()}
      />
      <RiskHistory personId={person.id} />
      <RecordHistory entityId={person.id} version={person.updatedAt} />
      <section className="danger-zone" aria-labelledby="person-delete-title">
        <h2 id="person-delete-title">{t('person.deleteTitle')}</h2>
        <ErrorAlert
          error={
            remove.error?.code === 'conflict'
              ? { ...remove.error, messageKey: 'person.deleteConflict' }
              : remove.error
          }
        />
        <ConfirmButton
          danger
          label={t('person.delete')}
          title={t('person.deleteConfirmTitle', { name: shown.text })}
          confirmLabel={t('person.deleteConfirm')}
          isDisabled={remove.pending}
          onConfirm={() => {
            void remove
              .run(() => call('people.delete', { id: person.id }))
              .then((result) => {
                if (!result.ok) return;
                navigate('people');
              });
          }}
        >
          <p>{t('person.deleteWhat')}</p>
          <ul>
            <li>{t('person.deleteProfile')}</li>
            <li>{t('person.deleteContacts', { count: person.contactChannels.length })}</li>
            <li>
              {t('person.deleteConsents', { count: consents.length, active: activeConsents })}
            </li>
          </ul>
          <p>{t('person.deleteVictimNote')}</p>
          <ProvenanceDeleteNote provenance={provenance} />
          <p className="warning-text">{t('records.cannotUndo')}</p>
        </ConfirmButton>
      </section>
    </section>
  );
}
