import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseRow } from '../../../shared/contract/cases';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { useFormat } from '../i18n/format';
import { call, toAppError } from '../ipc/client';
import { useVocab } from '../records/vocab';
import { pagesFor, type CaseQuery } from './case-query';

/** Every row has the same height, so the list can place row N without measuring the others. */
const ROW_PX = 84;
const PAGE = 100;
const OVERSCAN = 6;

/**
 * The case list, windowed: only the rows in view (and a few around them) exist in the page, and
 * rows are fetched a page of 100 at a time as they scroll into view, so 100000 cases scroll.
 * Rows carry no narrative.
 */
export function CaseRows({ query }: { query: CaseQuery }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewport = useRef<HTMLDivElement>(null);
  // Pages asked for (loading or loaded): only read in callbacks, never during render.
  const requested = useRef(new Set<number>());
  const [pages, setPages] = useState<ReadonlyMap<number, CaseRow[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  // The parent gives each query its own instance (key), so nothing here outlives a query.
  const load = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      call('cases.list', { ...query, limit: PAGE, offset: page * PAGE })
        .then((reply) => {
          setPages((current) => new Map(current).set(page, reply.rows));
          setTotal(reply.total);
        })
        .catch((thrown: unknown) => {
          requested.current.delete(page);
          setError(toAppError(thrown));
        });
    },
    [query],
  );

  useEffect(() => {
    load(0);
  }, [load]);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const count = total ?? 0;
  const first = Math.max(0, Math.floor(view.top / ROW_PX) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN);

  useEffect(() => {
    for (const page of pagesFor(first, last, count, PAGE)) load(page);
  }, [first, last, count, load]);

  const indexes: number[] = [];
  for (let index = first; index <= last; index += 1) indexes.push(index);

  return (
    <div className="case-rows">
      <ErrorAlert error={error} />
      <p role="status" className="list-count" data-testid="case-count">
        {total === null
          ? t('shell.loading')
          : t('case.count', { count: total, number: format.number(total) })}
      </p>
      <div
        ref={viewport}
        className="case-viewport"
        tabIndex={0}
        role="region"
        aria-label={t('case.listLabel')}
        onScroll={(event) => {
          const element = event.currentTarget;
          setView({ top: element.scrollTop, height: element.clientHeight });
        }}
      >
        <ul className="case-list" style={{ height: count * ROW_PX }}>
          {indexes.map((index) => {
            const row = pages.get(Math.floor(index / PAGE))?.[index % PAGE];
            return (
              <li
                key={row?.id ?? `pending-${index}`}
                className="case-row"
                style={{ top: index * ROW_PX, height: ROW_PX }}
                aria-setsize={count}
                aria-posinset={index + 1}
              >
                {row === undefined ? (
                  <span className="record-meta">{t('shell.loading')}</span>
                ) : (
                  <CaseRowView row={row} />
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

const SHOWN_TYPES = 3;

export function CaseRowView({ row }: { row: CaseRow }) {
  const { t } = useTranslation();
  const label = useVocab();
  const format = useFormat();
  const types = row.aggressionTypes
    .slice(0, SHOWN_TYPES)
    .map((type) => label('aggression_type', type));
  const more = row.aggressionTypes.length - SHOWN_TYPES;
  return (
    <div className="case-row-body">
      <div className="case-row-head">
        <a href={`#/cases/${row.id}`} className="record-link">
          {row.title}
        </a>
        <span className={`badge badge-urgency-${row.urgency}`}>
          {t('case.urgencyBadge', { urgency: label('urgency', row.urgency) })}
        </span>
        <span className="badge">{label('case_status', row.status)}</span>
      </div>
      <p className="record-meta case-row-meta">
        {[
          row.lastAggressionOn === null ? null : format.day(row.lastAggressionOn),
          row.countries.map((code) => label('country', code)).join(', ') || null,
          types.join(', ') + (more > 0 ? ` ${t('case.moreTypes', { count: more })}` : ''),
          t('case.aggressionCount', { count: row.aggressionCount }),
        ]
          .filter((part): part is string => part !== null && part !== '')
          .join(' · ')}
      </p>
    </div>
  );
}
