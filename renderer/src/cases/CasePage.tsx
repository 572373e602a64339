import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TimelineEntry } from '../../../shared/contract/cases';
import { ConfirmButton } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { navigate } from '../hooks/use-hash-route';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { ProvenanceDeleteNote, ProvenanceNote } from '../exchange/ProvenanceNotes';
import { useProvenance } from '../exchange/use-provenance';
import { RecordHistory } from '../records/RecordHistory';
import { useVocab } from '../records/vocab';
import { NoteForm, ResponseForm } from './CaseAddForms';
import { CaseTimeline } from './CaseTimeline';
import { EvidencePanel } from './EvidencePanel';
import { useCase } from './use-case';

/** One case: summary, chronology, responses and notes, evidence, history, and deleting it. */
export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useVocab();
  const format = useFormat();
  const { detail, error, reload } = useCase(id);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [evidenceCount, setEvidenceCount] = useState(0);
  const remove = useCall();
  const provenance = useProvenance('cases', id, detail?.updatedAt);

  const loadTimeline = useCallback(
    () =>
      call('cases.timeline', { id })
        .then(setTimeline)
        .catch(() => undefined),
    [id],
  );
  const countEvidence = useCallback(
    () =>
      call('evidence.list', { caseId: id })
        .then((items) => setEvidenceCount(items.length))
        .catch(() => undefined),
    [id],
  );
  useEffect(() => {
    void loadTimeline();
    void countEvidence();
  }, [loadTimeline, countEvidence]);

  const changed = useCallback(() => {
    void reload();
    void loadTimeline();
    void countEvidence();
  }, [reload, loadTimeline, countEvidence]);

  if (detail === null) {
    return (
      <section className="section-page" data-testid="screen-case">
        <p>
          <a href="#/cases">{t('case.backToList')}</a>
        </p>
        <ErrorAlert error={error} />
        {error === null ? <p>{t('shell.loading')}</p> : null}
      </section>
    );
  }

  return (
    <section data-testid="screen-case" className="section-page section-wide">
      <p>
        <a href="#/cases">{t('case.backToList')}</a>
      </p>
      <FocusHeading>{detail.title}</FocusHeading>
      <dl className="facts case-summary">
        <dt>{t('case.status')}</dt>
        <dd>{label('case_status', detail.status)}</dd>
        <dt>{t('case.urgency')}</dt>
        <dd>{label('urgency', detail.urgency)}</dd>
        <dt>{t('records.confidentiality')}</dt>
        <dd>{label('confidentiality', detail.confidentiality)}</dd>
        {detail.rightsAtStake.length === 0 ? null : (
          <>
            <dt>{t('case.rightsAtStake')}</dt>
            <dd>{detail.rightsAtStake.map((r) => label('right_defended', r)).join(', ')}</dd>
          </>
        )}
        {detail.tags.length === 0 ? null : (
          <>
            <dt>{t('case.tags')}</dt>
            <dd>{detail.tags.join(', ')}</dd>
          </>
        )}
        <dt>{t('case.sourcesTitle')}</dt>
        <dd>
          {detail.sources.length === 0
            ? t('timeline.none')
            : detail.sources
                .map(
                  (s) =>
                    `${label('source_channel', s.channel)} (${label('reliability', s.reliability)})`,
                )
                .join('; ')}
        </dd>
        <dt>{t('records.lastEditedLabel')}</dt>
        <dd>{format.moment(detail.updatedAt)}</dd>
      </dl>
      <ProvenanceNote provenance={provenance} />
      <div className="actions">
        <a className="button link-button" href={`#/cases/${id}/edit`}>
          {t('case.edit')}
        </a>
        <a className="button link-button" href={`#/reports/dossier/case/${id}`}>
          {t('dossierForm.prepare')}
        </a>
      </div>
      <CaseTimeline entries={timeline} detail={detail} onChanged={changed} />
      <ResponseForm caseId={id} onAdded={changed} />
      <NoteForm caseId={id} onAdded={changed} />
      <EvidencePanel caseId={id} onChanged={changed} />
      <RecordHistory entityId={id} version={detail.updatedAt + String(timeline.length)} />
      <section className="danger-zone" aria-labelledby="case-delete-title">
        <h2 id="case-delete-title">{t('case.deleteTitle')}</h2>
        <ErrorAlert error={remove.error} />
        <ConfirmButton
          danger
          label={t('case.delete')}
          title={t('case.deleteConfirmTitle', { title: detail.title })}
          confirmLabel={t('case.deleteConfirm')}
          isDisabled={remove.pending}
          onConfirm={() => {
            void remove
              .run(() => call('cases.delete', { id }))
              .then((result) => {
                if (!result.ok) return;
                // A draft of this case would keep words the user just deleted.
                navigate('cases');
              });
          }}
        >
          <p>{t('case.deleteWhat')}</p>
          <ul>
            <li>{t('case.deleteAggressions', { count: detail.aggressions.length })}</li>
            <li>{t('case.deleteResponses', { count: detail.responses.length })}</li>
            <li>{t('case.deleteNotes', { count: detail.notes.length })}</li>
            <li>{t('case.deleteSources', { count: detail.sources.length })}</li>
            <li>{t('case.deleteEvidence', { count: evidenceCount })}</li>
          </ul>
          <p>{t('case.deleteKept')}</p>
          <ProvenanceDeleteNote provenance={provenance} />
          <p className="warning-text">{t('records.cannotUndo')}</p>
        </ConfirmButton>
      </section>
    </section>
  );
}
