import { type RedactionProfile } from '../../shared/contract/dossiers';
import { type Person } from '../../shared/contract/people';
import { type Say } from './dossier-strings';

export type ShownAs = 'name' | 'pseudonym' | 'anonymous';

/** How each person is named in the dossier, after the redaction profile. */
export interface Naming {
  label(personId: string): string;
  shownAs(personId: string): ShownAs;
  /** The names that must not appear anywhere, with what replaces them. */
  hidden: { name: string; replacement: string }[];
}

export function buildNaming(
  people: readonly Person[],
  profile: RedactionProfile,
  say: Say,
): Naming {
  const chosen = new Set(profile.pseudonymize);
  const shown = new Map<string, { label: string; as: ShownAs }>();
  const hidden: Naming['hidden'] = [];
  let anonymous = 0;
  for (const person of people) {
    if (!chosen.has(person.id) && person.name) {
      shown.set(person.id, { label: person.name, as: 'name' });
      continue;
    }
    const label = person.pseudonym ?? say('protectedPerson', { n: ++anonymous });
    shown.set(person.id, { label, as: person.pseudonym ? 'pseudonym' : 'anonymous' });
    if (person.name) hidden.push({ name: person.name, replacement: label });
  }
  const get = (id: string) => shown.get(id) ?? { label: '?', as: 'anonymous' as const };
  return { label: (id) => get(id).label, shownAs: (id) => get(id).as, hidden };
}

/** Short words of names ("de", "la") would rewrite ordinary text without hiding anyone. */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'van', 'von', 'san']);

const ACCENTS: Record<string, string> = {
  a: 'aáàâäãå',
  e: 'eéèêë',
  i: 'iíìîï',
  o: 'oóòôöõ',
  u: 'uúùûü',
  n: 'nñ',
  c: 'cç',
  y: 'yý',
};

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A folded word as a pattern that matches it with or without accents, in any case. */
function letters(word: string): string {
  return [...word]
    .map((c) => (ACCENTS[c] ? `[${ACCENTS[c]}]` : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
}

export interface Redactor {
  /** Every hidden name (whole, then each significant word of it) replaced. */
  redact(text: string): string;
  /** Whether any hidden name or word of it is still in the text. */
  leaks(text: string): boolean;
}

/**
 * Free text (narratives, outcomes, file names, the lawyer's own summary) may name a person the
 * profile hides, in full or by one of her names, with or without accents: each is replaced by
 * her pseudonym. Whole words only, so "Rosa" does not touch "rosado".
 */
export function redactor(hidden: Naming['hidden']): Redactor {
  const rules: { pattern: RegExp; replacement: string }[] = [];
  for (const { name, replacement } of hidden) {
    const words = fold(name).split(/\s+/).filter(Boolean);
    const kept = fold(replacement);
    const parts = [words.map(letters).join('\\s+')];
    for (const word of words) {
      // A word the replacement itself contains cannot be hidden by replacing it with that.
      if (word.length >= 3 && !PARTICLES.has(word) && !kept.includes(word))
        parts.push(letters(word));
    }
    for (const part of parts) {
      rules.push({
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${part}(?![\\p{L}\\p{N}])`, 'giu'),
        replacement,
      });
    }
  }
  // Longest first: the whole name goes before its words.
  rules.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  // "Rosa Itzel" written without the surname becomes one pseudonym, not "Xochitl Xochitl".
  const repeats = [...new Set(hidden.map((h) => h.replacement))].map((replacement) => {
    const escaped = replacement.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    return { pattern: new RegExp(`${escaped}(?:\\s+${escaped})+`, 'gu'), replacement };
  });
  return {
    redact: (text) =>
      [...rules, ...repeats].reduce(
        (out, rule) => out.replace(rule.pattern, rule.replacement),
        text.normalize('NFC'),
      ),
    leaks: (text) =>
      rules.some((rule) => {
        rule.pattern.lastIndex = 0;
        return rule.pattern.test(text.normalize('NFC'));
      }),
  };
}
