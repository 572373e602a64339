import { useEffect, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Collective, type PersonRow } from '../../../shared/contract/people';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { useVocab } from '../records/vocab';
import { personDisplayName } from '../records/values';

const PAGE = 200;

/** Defenders by name or pseudonym and country: no contact, no identity details in a list. */
export function PeopleList() {
  const { t } = useTranslation();
  const label = useVocab();
  const format = useFormat();
  const { error, run } = useCall();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ rows: PersonRow[]; total: number } | null>(null);
  const [collectives, setCollectives] = useState<{ rows: Collective[]; total: number } | null>(
    null,
  );

  useEffect(() => {
    let active = true;
    const query = text.trim();
    const timer = window.setTimeout(() => {
      const filter = { ...(query === '' ? {} : { text: query }), limit: PAGE, offset: 0 };
      void run(() =>
        Promise.all([call('people.list', filter), call('collectives.list', filter)]),
      ).then((reply) => {
        if (!active || !reply.ok) return;
        setResult(reply.value[0]);
        setCollectives(reply.value[1]);
      });
    }, 200);
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [text, run]);

  return (
    <section data-testid="section-people" className="section-page">
      <FocusHeading>{t('sections.people.title')}</FocusHeading>
      <p className="lead">{t('person.listIntro')}</p>
      <div className="actions">
        <a className="button button-primary link-button" href="#/people/new">
          {t('person.new')}
        </a>
      </div>
      <SearchField className="field" value={text} onChange={setText}>
        <Label className="field-label">{t('person.filter')}</Label>
        <Input className="field-input" />
      </SearchField>
      <ErrorAlert error={error} />
      <p role="status" className="list-count">
        {result === null
          ? null
          : t('person.count', { count: result.total, number: format.number(result.total) })}
      </p>
      {result === null || result.rows.length === 0 ? (
        result === null ? null : (
          <p className="empty-state">{t('person.empty')}</p>
        )
      ) : (
        <ul className="record-list" aria-label={t('sections.people.title')}>
          {result.rows.map((person) => {
            const shown = personDisplayName(person);
            return (
              <li key={person.id} className="record-row">
                <a href={`#/people/${person.id}`} className="record-link">
                  {shown.text}
                </a>
                {shown.isPseudonym ? (
                  <span className="record-meta"> {t('person.pseudonymMark')}</span>
                ) : null}
                <span className="record-meta">
                  {person.country === null
                    ? t('records.noCountry')
                    : label('country', person.country)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {result !== null && result.total > result.rows.length ? (
        <p className="field-description">
          {t('person.more', { shown: format.number(result.rows.length) })}
        </p>
      ) : null}
      <section className="record-block" aria-labelledby="collectives-title">
        <h2 id="collectives-title">{t('collective.listTitle')}</h2>
        <div className="actions">
          <a className="button link-button" href="#/people/collectives/new">
            {t('collective.new')}
          </a>
        </div>
        {collectives === null ? null : collectives.rows.length === 0 ? (
          <p className="empty-state">{t('collective.empty')}</p>
        ) : (
          <ul className="record-list" aria-label={t('collective.listTitle')}>
            {collectives.rows.map((collective) => (
              <li key={collective.id} className="record-row">
                <a href={`#/people/collectives/${collective.id}`} className="record-link">
                  {collective.name}
                </a>
                <span className="record-meta">{label('collective_kind', collective.kind)}</span>
                <span className="record-meta">
                  {collective.country === null
                    ? t('records.noCountry')
                    : label('country', collective.country)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
