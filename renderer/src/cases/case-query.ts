import { type CaseListInput } from '../../../shared/contract/cases';
import { dateField } from '../../../shared/contract/record-fields';
import {
  type AggressionType,
  type CaseStatus,
  type Country,
  type PerpetratorType,
  type Urgency,
} from '../../../shared/vocabularies';

/** What the filter panel holds; `person` is `p:<id>` (the victim picker's choice ids). */
export interface CaseFilterValues {
  dateFrom: string | null;
  dateTo: string | null;
  country: Country | null;
  aggressionType: AggressionType | null;
  perpetratorType: PerpetratorType | null;
  status: CaseStatus[];
  urgency: Urgency[];
  person: string | null;
  sort: CaseListInput['sort'];
  direction: CaseListInput['direction'];
}

export const noFilters: CaseFilterValues = {
  dateFrom: null,
  dateTo: null,
  country: null,
  aggressionType: null,
  perpetratorType: null,
  status: [],
  urgency: [],
  person: null,
  sort: 'updated_at',
  direction: 'desc',
};

export type CaseQuery = Omit<CaseListInput, 'limit' | 'offset'>;

/** The `cases.list` query for the panel; half-typed dates are left out until they are whole. */
export function caseQuery(filters: CaseFilterValues): CaseQuery {
  const date = (value: string | null) =>
    value !== null && dateField.safeParse(value).success ? value : undefined;
  const dateFrom = date(filters.dateFrom);
  const dateTo = date(filters.dateTo);
  const personId = filters.person?.startsWith('p:') === true ? filters.person.slice(2) : undefined;
  return {
    ...(dateFrom === undefined ? {} : { dateFrom }),
    ...(dateTo === undefined ? {} : { dateTo }),
    ...(filters.country === null ? {} : { country: filters.country }),
    ...(filters.aggressionType === null ? {} : { aggressionType: filters.aggressionType }),
    ...(filters.perpetratorType === null ? {} : { perpetratorType: filters.perpetratorType }),
    ...(filters.status.length === 0 ? {} : { status: filters.status }),
    ...(filters.urgency.length === 0 ? {} : { urgency: filters.urgency }),
    ...(personId === undefined ? {} : { personId }),
    sort: filters.sort,
    direction: filters.direction,
  };
}

/** Which pages of `size` rows cover rows `first`..`last` (inclusive), clamped to the total. */
export function pagesFor(first: number, last: number, total: number, size: number): number[] {
  if (total <= 0) return [];
  const from = Math.max(0, Math.floor(Math.max(0, first) / size));
  const to = Math.floor(Math.min(total - 1, Math.max(0, last)) / size);
  const pages: number[] = [];
  for (let page = from; page <= to; page += 1) pages.push(page);
  return pages;
}
