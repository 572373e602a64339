import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConflictVersions } from '../../../shared/contract/exchange';
import { type VocabularyName } from '../../../shared/vocabularies';
import { useFormat } from '../i18n/format';

export type FieldValue = ConflictVersions['fields'][number]['local'];

/**
 * A conflict arrives as raw columns (`status: "closed"`, `rights_at_stake: "[]"`): shown as the
 * rest of the app shows them, with field labels, vocabulary labels and local dates, so comparing
 * the two versions does not need knowledge of the database.
 */

/** Columns holding a code (or a JSON list of codes) of one vocabulary, in every table. */
const coded: Record<string, VocabularyName> = {
  age_range: 'age_range',
  area: 'risk_area',
  computed_level: 'risk_level',
  confidentiality: 'confidentiality',
  country: 'country',
  date_precision: 'date_precision',
  gender_components: 'gender_component',
  gender_identity: 'gender_identity',
  identity: 'consent_identity',
  involvement: 'involvement',
  means: 'threat_means',
  method: 'consent_method',
  override_level: 'risk_level',
  perpetrator_type: 'perpetrator_type',
  reliability: 'reliability',
  review_triggers: 'review_trigger',
  rights_at_stake: 'right_defended',
  rights_defended: 'right_defended',
  role: 'victim_role',
  types: 'aggression_type',
  urgency: 'urgency',
};

/** Columns whose vocabulary depends on the table (`kind.column`). */
const codedIn: Record<string, VocabularyName> = {
  'aggressions.scope': 'aggression_scope',
  'cases.status': 'case_status',
  'collectives.kind': 'collective_kind',
  'consents.scope': 'consent_scope',
  'perpetrators.type': 'perpetrator_type',
  'protection_measures.category': 'measure_category',
  'protection_measures.status': 'measure_status',
  'responses.type': 'response_type',
  'risk_assessments.kind': 'assessment_kind',
  'sources.channel': 'source_channel',
};

/** Text columns that hold a JSON list. */
const LISTS = new Set([
  'gender_components',
  'review_triggers',
  'rights_at_stake',
  'rights_defended',
  'tags',
]);
/** Contact channels can get someone hurt: only a count until the user asks for the details. */
const CONTACTS = 'contact_channels';
const BOOLEANS = new Set(['identified']);
/** Free text longer than this is narrative: hidden until the user asks for the details. */
const SHORT = 80;

function parseList(value: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function contactsOf(value: FieldValue): { kind: string; value: string }[] | null {
  const list = typeof value === 'string' ? parseList(value) : null;
  if (list === null) return null;
  return list.flatMap((item) =>
    typeof item === 'object' && item !== null && 'kind' in item && 'value' in item
      ? [{ kind: String(item.kind), value: String(item.value) }]
      : [],
  );
}

/**
 * A column of free text (no vocabulary, list, date or number): one a person may write anew when
 * settling a conflict field by field.
 */
export function isFreeText(kind: string, field: string, ...values: FieldValue[]): boolean {
  if (codedIn[`${kind}.${field}`] ?? coded[field]) return false;
  if (LISTS.has(field) || field === CONTACTS || BOOLEANS.has(field)) return false;
  if (field.endsWith('_at') || field.endsWith('_on') || field.endsWith('_id')) return false;
  return values.every((v) => v === null || typeof v === 'string');
}

/** Whether a value stays hidden until the user asks for the details. */
export function isHidden(field: string, value: FieldValue): boolean {
  if (field === CONTACTS) return value !== null && (contactsOf(value)?.length ?? 1) > 0;
  return typeof value === 'string' && value.length > SHORT && !LISTS.has(field);
}

/** Labels for a conflict's fields and values, in the interface language. */
export function useConflictDisplay(kind: string) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // With seconds: two edits a minute apart must not look the same in a row marked as different.
  const moment = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }),
    [i18n.language],
  );
  const fieldLabel = useCallback(
    (field: string) => t(`handoff.fields.${field}`, { defaultValue: field }),
    [t],
  );
  const showContacts = useCallback(
    (value: string | number | string[], details: boolean) => {
      const contacts = contactsOf(value);
      if (contacts === null) {
        return details
          ? String(value)
          : t('handoff.conflicts.hiddenText', { count: String(value).length });
      }
      if (contacts.length === 0) return '—';
      if (!details) return t('handoff.conflicts.hiddenContacts', { count: contacts.length });
      return contacts
        .map((contact) =>
          t('handoff.conflicts.contact', {
            kind: t(`vocab.contact_channel.${contact.kind}`, { defaultValue: contact.kind }),
            value: contact.value,
          }),
        )
        .join('; ');
    },
    [t],
  );
  const show = useCallback(
    (field: string, value: FieldValue, details: boolean): string => {
      if (value === null) return '—';
      const vocabulary = codedIn[`${kind}.${field}`] ?? coded[field];
      const label = (code: unknown) =>
        vocabulary === undefined
          ? String(code)
          : t(`vocab.${vocabulary}.${String(code)}`, { defaultValue: String(code) });
      if (field === CONTACTS) return showContacts(value, details);
      const showList = (list: readonly unknown[]) =>
        list.length === 0 ? '—' : list.map(label).join(', ');
      if (Array.isArray(value)) return showList(value);
      const list = LISTS.has(field) && typeof value === 'string' ? parseList(value) : null;
      if (list !== null) return showList(list);
      if (BOOLEANS.has(field)) {
        return value === 1 ? t('handoff.conflicts.yes') : t('handoff.conflicts.no');
      }
      if (field === 'size' && typeof value === 'number') return format.bytes(value);
      if (typeof value === 'number') return format.number(value);
      if (field.endsWith('_at')) {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : moment.format(date);
      }
      if (field.endsWith('_on')) return format.day(value);
      if (!details && isHidden(field, value)) {
        return t('handoff.conflicts.hiddenText', { count: value.length });
      }
      return label(value);
    },
    [format, kind, moment, showContacts, t],
  );
  return { fieldLabel, show };
}
