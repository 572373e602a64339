import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseRow } from '../../../shared/contract/cases';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { call, toAppError } from '../ipc/client';
import { DossierPage } from './DossierPage';
import { StatisticsView } from './StatisticsView';

/** `#/reports` (statistics, dossiers to start), `#/reports/dossier/{case|person}/<id>`. */
export function ReportsPage({ path }: { path: string[] }) {
  const [first, kind, id] = path;
  if (first === 'dossier' && id !== undefined && (kind === 'case' || kind === 'person')) {
    return (
      <DossierPage
        key={`${kind}:${id}`}
        subject={kind === 'case' ? { caseId: id } : { personId: id }}
      />
    );
  }
  return <ReportsHome />;
}

function ReportsHome() {
  const { t } = useTranslation();
  const [cases, setCases] = useState<CaseRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let active = true;
    call('cases.list', { sort: 'updated_at', direction: 'desc', limit: 50, offset: 0 }).then(
      (found) => {
        if (active) setCases(found.rows);
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
    <section data-testid="section-reports" className="section-page section-wide">
      <FocusHeading>{t('sections.reports.title')}</FocusHeading>
      <p className="lead">{t('sections.reports.body')}</p>
      <section aria-labelledby="dossiers-title">
        <h2 id="dossiers-title">{t('dossierForm.startTitle')}</h2>
        <p>{t('dossierForm.startIntro')}</p>
        <ErrorAlert error={error} />
        {cases === null ? null : cases.length === 0 ? (
          <p>{t('dossierForm.noCases')}</p>
        ) : (
          <ul className="record-list">
            {cases.map((row) => (
              <li key={row.id} className="record-row">
                <a href={`#/reports/dossier/case/${row.id}`} className="record-link">
                  {t('dossierForm.startFor', { title: row.title })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <StatisticsView />
    </section>
  );
}
