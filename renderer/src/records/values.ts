/** Small helpers shared by the record forms; pure, so unit tests can import them. */

/** Today's date in the user's time zone, as the contract stores dates (YYYY-MM-DD). */
export function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The name to show for a person: her name, else her pseudonym (marked as such by the caller). */
export function personDisplayName(person: { name: string | null; pseudonym: string | null }): {
  text: string;
  isPseudonym: boolean;
} {
  if (person.name !== null && person.name.trim() !== '') {
    return { text: person.name, isPseudonym: false };
  }
  return { text: person.pseudonym ?? '', isPseudonym: true };
}

/** Drop the keys a record has but its form does not (ids, stamps), keeping the form's shape. */
export function pick<T extends object, K extends keyof T>(
  record: T,
  keys: readonly K[],
): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = record[key];
  return out;
}
