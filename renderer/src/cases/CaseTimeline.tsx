import { useState } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type CaseResponse } from '../../../shared/contract/case-parts';
import { type CaseDetail, type TimelineEntry } from '../../../shared/contract/cases';
import { ConfirmButton } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { useFormat } from '../i18n/format';
import { useVocab } from '../records/vocab';
import { ResponseForm } from './CaseAddForms';

/**
 * Aggressions, responses and notes in one chronology. Narratives and exact places stay hidden
 * until the user asks for them: a case page may be open in front of other people.
 */
export function CaseTimeline({
  entries,
  detail,
  onChanged,
}: {
  entries: TimelineEntry[];
  detail: CaseDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [details, setDetails] = useState(false);
  return (
    <section className="record-block" aria-labelledby="timeline-title">
      <div className="block-head">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <ToggleButton className="button" isSelected={details} onChange={setDetails}>
          {details ? t('timeline.hideDetails') : t('timeline.showDetails')}
        </ToggleButton>
      </div>
      {entries.length === 0 ? (
        <p className="empty-state">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((entry) => (
            <li
              key={`${entry.kind}-${entry.id}`}
              className={`timeline-entry timeline-${entry.kind}`}
            >
              <TimelineItem
                entry={entry}
                detail={detail}
                showDetails={details}
                onChanged={onChanged}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineItem({
  entry,
  detail,
  showDetails,
  onChanged,
}: {
  entry: TimelineEntry;
  detail: CaseDetail;
  showDetails: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const label = useVocab();
  const format = useFormat();
  switch (entry.kind) {
    case 'aggression': {
      const aggression = detail.aggressions.find((a) => a.id === entry.id);
      const place = aggression
        ? [
            aggression.municipality,
            aggression.department,
            aggression.country && label('country', aggression.country),
          ]
            .filter((part): part is string => part !== null && part !== '')
            .join(', ')
        : '';
      return (
        <article aria-label={t('timeline.aggression')}>
          <p className="timeline-date">
            {format.day(entry.date, entry.datePrecision)}
            {entry.datePrecision === 'exact' ? null : (
              <span className="record-meta"> ({label('date_precision', entry.datePrecision)})</span>
            )}
          </p>
          <h3 className="timeline-heading">
            {t('timeline.aggression')}:{' '}
            {entry.types.map((type) => label('aggression_type', type)).join(', ')}
          </h3>
          {aggression === undefined ? null : (
            <dl className="facts">
              {place === '' ? null : (
                <>
                  <dt>{t('timeline.place')}</dt>
                  <dd>{place}</dd>
                </>
              )}
              <dt>{t('case.victims')}</dt>
              <dd>
                {aggression.victims.length === 0
                  ? t('timeline.none')
                  : aggression.victims
                      .map((v) => `${v.label} (${label('victim_role', v.role)})`)
                      .join('; ')}
              </dd>
              <dt>{t('case.perpetrators')}</dt>
              <dd>
                {aggression.perpetrators.length === 0 ? (
                  t('timeline.none')
                ) : (
                  <ul className="plain-list">
                    {aggression.perpetrators.map((p) => (
                      <li key={p.id}>
                        {t('timeline.perpetrator', {
                          type: label('perpetrator_type', p.type),
                          involvement: label('involvement', p.involvement),
                          identified: p.identified
                            ? t('timeline.identified')
                            : t('timeline.notIdentified'),
                        })}
                        {showDetails && p.description !== '' ? ` — ${p.description}` : null}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              {aggression.genderComponents.length === 0 ? null : (
                <>
                  <dt>{t('case.genderComponents')}</dt>
                  <dd>
                    {aggression.genderComponents
                      .map((g) => label('gender_component', g))
                      .join(', ')}
                  </dd>
                </>
              )}
              {showDetails && aggression.exactPlace !== null && aggression.exactPlace !== '' ? (
                <>
                  <dt>{t('case.exactPlace')}</dt>
                  <dd>{aggression.exactPlace}</dd>
                </>
              ) : null}
            </dl>
          )}
          {showDetails ? (
            <div className="narrative" data-testid="narrative">
              <h4>{t('case.narrative')}</h4>
              <p>{entry.narrative === '' ? t('timeline.noNarrative') : entry.narrative}</p>
            </div>
          ) : (
            <p className="record-meta">{t('timeline.narrativeHidden')}</p>
          )}
        </article>
      );
    }
    case 'response': {
      const response = detail.responses.find((r) => r.id === entry.id);
      return (
        <article aria-label={t('timeline.response')}>
          <p className="timeline-date">{format.day(entry.date)}</p>
          <h3 className="timeline-heading">
            {t('timeline.response')}: {label('response_type', entry.type)}
          </h3>
          <dl className="facts">
            {entry.responsible === '' ? null : (
              <>
                <dt>{t('response.responsible')}</dt>
                <dd>{entry.responsible}</dd>
              </>
            )}
            {entry.outcome === '' ? null : (
              <>
                <dt>{t('response.outcome')}</dt>
                <dd>{entry.outcome}</dd>
              </>
            )}
            {entry.followUpOn === null ? null : (
              <>
                <dt>{t('response.followUpOn')}</dt>
                <dd>{format.day(entry.followUpOn)}</dd>
              </>
            )}
            {response === undefined || response.reference === '' ? null : (
              <>
                <dt>{t('response.reference')}</dt>
                <dd>{response.reference}</dd>
              </>
            )}
          </dl>
          {response === undefined ? null : (
            <ResponseActions caseId={detail.id} response={response} onChanged={onChanged} />
          )}
        </article>
      );
    }
    case 'note':
      return (
        <article aria-label={t('timeline.note')}>
          <p className="timeline-date">{format.moment(entry.date)}</p>
          <h3 className="timeline-heading">{t('timeline.noteBy', { author: entry.author })}</h3>
          <p className="note-body">{entry.body}</p>
        </article>
      );
  }
}

/** Edit a logged response in place (an outcome arrives later), or delete it after asking. */
function ResponseActions({
  caseId,
  response,
  onChanged,
}: {
  caseId: string;
  response: CaseResponse;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const label = useVocab();
  const [editing, setEditing] = useState(false);
  const remove = useCall();
  if (editing) {
    return (
      <ResponseForm
        caseId={caseId}
        existing={response}
        onAdded={() => {
          setEditing(false);
          onChanged();
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  const name = label('response_type', response.type);
  return (
    <div className="actions">
      <ErrorAlert error={remove.error} />
      <Button className="button" onPress={() => setEditing(true)}>
        {t('response.edit', { type: name })}
      </Button>
      <ConfirmButton
        danger
        label={t('response.delete', { type: name })}
        title={t('response.deleteTitle', { type: name })}
        confirmLabel={t('response.deleteConfirm')}
        isDisabled={remove.pending}
        onConfirm={() => {
          void remove
            .run(() => call('responses.delete', { id: response.id }))
            .then((result) => {
              if (result.ok) onChanged();
            });
        }}
      >
        <p>{t('response.deleteBody')}</p>
      </ConfirmButton>
    </div>
  );
}
