import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FocusHeading } from '../components/FocusHeading';
import { CaseFilters } from './CaseFilters';
import { caseQuery, noFilters, type CaseFilterValues } from './case-query';
import { CaseRows } from './CaseRows';
import { CaseSearch } from './CaseSearch';

/**
 * Filters survive going into a case and back, but only in memory: a lock reloads the page and
 * they are gone, like everything else.
 */
let lastFilters: CaseFilterValues = noFilters;

export function CaseList() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(lastFilters);
  const [searching, setSearching] = useState(false);
  const query = useMemo(() => caseQuery(filters), [filters]);
  const onFilters = useCallback((next: CaseFilterValues) => {
    lastFilters = next;
    setFilters(next);
  }, []);
  return (
    <section data-testid="section-cases" className="section-page section-wide">
      <FocusHeading>{t('sections.cases.title')}</FocusHeading>
      <p className="lead">{t('case.listIntro')}</p>
      <div className="actions">
        <a className="button button-primary link-button" href="#/cases/new">
          {t('case.new')}
        </a>
      </div>
      <CaseSearch onActive={setSearching} />
      {searching ? null : (
        <>
          <CaseFilters initial={filters} onChange={onFilters} />
          <CaseRows key={JSON.stringify(query)} query={query} />
        </>
      )}
    </section>
  );
}
