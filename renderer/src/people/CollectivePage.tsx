import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Collective, type Consent } from '../../../shared/contract/people';
import { type AppError } from '../../../shared/errors';
import { ConfirmButton } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { StatusMessage } from '../components/StatusMessage';
import { navigate } from '../hooks/use-hash-route';
import { useCall } from '../hooks/use-call';
import { call, toAppError } from '../ipc/client';
import { ProvenanceDeleteNote, ProvenanceNote } from '../exchange/ProvenanceNotes';
import { useProvenance } from '../exchange/use-provenance';
import { RecordHistory } from '../records/RecordHistory';
import { RiskHistory } from '../risk/RiskHistory';
import { CollectiveForm } from './CollectiveForm';
import { collectiveValues, emptyCollective } from './collective-values';
import { ConsentPanel } from './ConsentPanel';

export function NewCollectivePage() {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  return (
    <section data-testid="screen-collective-new" className="section-page">
      <p>
        <a href="#/people">{t('person.backToList')}</a>
      </p>
      <FocusHeading>{t('collective.new')}</FocusHeading>
      <CollectiveForm
        initial={emptyCollective()}
        draftKey="collective:new"
        pending={pending}
        error={error}
        submitLabel={t('collective.create')}
        onSubmit={async (values) => {
          const result = await run(() => call('collectives.create', values));
          if (!result.ok) return result.error;
          navigate(`people/collectives/${result.value.id}`);
          return null;
        }}
      />
    </section>
  );
}

export function CollectivePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [collective, setCollective] = useState<Collective | null>(null);
  const [consents, setConsents] = useState<Consent[]>([]);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useCall();
  const remove = useCall();
  const provenance = useProvenance('collectives', id, collective?.updatedAt);
  const loadConsents = useCallback(
    () => call('consents.list', { collectiveId: id }).then(setConsents),
    [id],
  );
  useEffect(() => {
    let active = true;
    Promise.all([
      call('collectives.get', { id }),
      call('consents.list', { collectiveId: id }),
    ]).then(
      ([found, list]) => {
        if (!active) return;
        setCollective(found);
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

  if (collective === null) {
    return (
      <section className="section-page" data-testid="screen-collective">
        <ErrorAlert error={loadError} />
        {loadError === null ? <p>{t('shell.loading')}</p> : null}
      </section>
    );
  }
  return (
    <section data-testid="screen-collective" className="section-page">
      <p>
        <a href="#/people">{t('person.backToList')}</a>
      </p>
      <FocusHeading>{collective.name}</FocusHeading>
      <ProvenanceNote provenance={provenance} />
      <StatusMessage message={saved ? t('person.saved') : null} />
      <CollectiveForm
        key={collective.updatedAt}
        initial={collectiveValues(collective)}
        draftKey={`collective:${collective.id}`}
        pending={save.pending}
        error={save.error}
        submitLabel={t('person.save')}
        onSubmit={async (values) => {
          setSaved(false);
          const result = await save.run(() =>
            call('collectives.update', { id: collective.id, ...values }),
          );
          if (!result.ok) return result.error;
          setCollective(result.value);
          setSaved(true);
          return null;
        }}
      />
      <ConsentPanel
        owner={{ collectiveId: collective.id }}
        consents={consents}
        onChanged={() => void loadConsents()}
      />
      <RiskHistory collectiveId={collective.id} />
      <RecordHistory entityId={collective.id} version={collective.updatedAt} />
      <section className="danger-zone" aria-labelledby="collective-delete-title">
        <h2 id="collective-delete-title">{t('collective.deleteTitle')}</h2>
        <ErrorAlert
          error={
            remove.error?.code === 'conflict'
              ? { ...remove.error, messageKey: 'collective.deleteConflict' }
              : remove.error
          }
        />
        <ConfirmButton
          danger
          label={t('collective.delete')}
          title={t('collective.deleteConfirmTitle', { name: collective.name })}
          confirmLabel={t('person.deleteConfirm')}
          isDisabled={remove.pending}
          onConfirm={() => {
            void remove
              .run(() => call('collectives.delete', { id: collective.id }))
              .then((result) => {
                if (!result.ok) return;
                navigate('people');
              });
          }}
        >
          <p>{t('person.deleteWhat')}</p>
          <ul>
            <li>{t('collective.deleteProfile')}</li>
            <li>
              {t('person.deleteConsents', {
                count: consents.length,
                active: consents.filter((consent) => consent.revokedAt === null).length,
              })}
            </li>
          </ul>
          <p>{t('collective.deleteVictimNote')}</p>
          <ProvenanceDeleteNote provenance={provenance} />
          <p className="warning-text">{t('records.cannotUndo')}</p>
        </ConfirmButton>
      </section>
    </section>
  );
}
