import { useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { CaseRowView } from './CaseRows';
import { Snippet } from './Snippet';

type Results = Output<'cases.search'>;

/** Full-text search over narratives, names, places and notes; matches highlighted. */
export function CaseSearch({ onActive }: { onActive: (active: boolean) => void }) {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Results | null>(null);

  const search = async () => {
    const query = text.trim();
    if (query === '') return;
    const reply = await run(() => call('cases.search', { query, limit: 50 }));
    if (reply.ok) {
      setResults(reply.value);
      onActive(true);
    }
  };
  const clear = () => {
    setText('');
    setResults(null);
    onActive(false);
  };

  return (
    <section className="case-search" aria-labelledby="case-search-title">
      <h2 id="case-search-title" className="visually-hidden">
        {t('case.searchTitle')}
      </h2>
      <form
        role="search"
        className="search-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <SearchField className="field search-field" value={text} onChange={setText} onClear={clear}>
          <Label className="field-label">{t('case.search')}</Label>
          <Input className="field-input" />
        </SearchField>
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {t('case.searchSubmit')}
        </Button>
        {results === null ? null : (
          <Button className="button" onPress={clear}>
            {t('case.searchClear')}
          </Button>
        )}
      </form>
      <ErrorAlert error={error} />
      <p role="status" className="list-count">
        {results === null ? null : t('case.searchCount', { count: results.length })}
      </p>
      {results === null ? null : (
        <ul className="record-list search-results" aria-label={t('case.searchResults')}>
          {results.map((result) => (
            <li key={result.case.id} className="record-row record-row-wide">
              <CaseRowView row={result.case} />
              <ul className="hits">
                {result.hits.map((hit, index) => (
                  <li key={index}>
                    <span className="hit-kind">{t(`case.hitKind.${hit.kind}`)}</span>{' '}
                    <Snippet pieces={hit.snippet} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
