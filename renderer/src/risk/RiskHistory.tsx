import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { useFormat } from '../i18n/format';
import { call, toAppError } from '../ipc/client';
import { useVocab } from '../records/vocab';
import { TrendChart } from './TrendChart';

type History = Output<'risk.listForPerson'>;

/**
 * A defender's (or a collective's: pass `collectiveId` instead) assessments, oldest first, with the
 * trend chart and where the review stands.
 */
export function RiskHistory({
  personId,
  collectiveId,
  headingLevel = 2,
}: {
  personId?: string;
  collectiveId?: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let active = true;
    const query = collectiveId === undefined ? { personId } : { collectiveId };
    call('risk.listForPerson', query).then(
      (found) => {
        if (active) setHistory(found);
      },
      (thrown: unknown) => {
        if (active) setError(toAppError(thrown));
      },
    );
    return () => {
      active = false;
    };
  }, [personId, collectiveId]);
  const newHref =
    collectiveId === undefined
      ? `#/risk/new/${personId ?? ''}`
      : `#/risk/new-collective/${collectiveId}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      className="risk-history"
      aria-labelledby="risk-history-title"
      data-testid="risk-history"
    >
      <Heading id="risk-history-title">{t('assessment.historyTitle')}</Heading>
      <ErrorAlert error={error} />
      <p>
        <a href={newHref} className="button button-primary">
          {t('assessment.new')}
        </a>
      </p>
      {history === null ? null : history.history.length === 0 ? (
        <p>{t('assessment.noHistory')}</p>
      ) : (
        <>
          {history.review === null ? null : (
            <p className={`review-status review-${history.review.status}`}>
              {t(`assessment.reviewStatus.${history.review.status}`, {
                date: format.day(history.review.nextReviewOn),
              })}
            </p>
          )}
          <TrendChart points={history.history} />
          <ol className="record-list">
            {history.history.map((point) => (
              <li key={point.id} className="record-row">
                <a href={`#/risk/${point.id}`} className="record-link">
                  {t('assessment.historyItem', {
                    date: format.day(point.assessedOn),
                    kind: vocab('assessment_kind', point.kind),
                    level: vocab('risk_level', point.level),
                  })}
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
