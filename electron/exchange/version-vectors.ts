import { z } from 'zod';

/**
 * A record's history as a version vector: for each office that made a version of it, how many it
 * made. One version descends from another when its vector is at least as large everywhere; two
 * that do not descend from each other were made apart (both changed). An office is named by
 * the first 16 hex digits of its fingerprint (64 bits: enough among a network's offices, and a
 * tenth of the bytes a record carries).
 */
export type Vector = Readonly<Record<string, number>>;

export const vectorSchema = z
  .record(
    z.string().regex(/^[0-9a-f]{16}$/),
    z
      .number()
      .int()
      .positive()
      .max(2 ** 40),
  )
  .refine((v) => Object.keys(v).length <= 200);

export const officeOf = (fingerprint: string) => fingerprint.slice(0, 16);

export type Order = 'same' | 'older' | 'newer' | 'apart';

/** How `a` stands to `b`: the same history, older than it, newer, or made apart. */
export function compareVectors(a: Vector, b: Vector): Order {
  let less = false;
  let more = false;
  for (const office of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[office] ?? 0;
    const y = b[office] ?? 0;
    if (x < y) less = true;
    if (x > y) more = true;
  }
  if (less && more) return 'apart';
  if (less) return 'older';
  if (more) return 'newer';
  return 'same';
}

/** `a` is `b` or older: everything it knows, `b` knows. */
export const knownBy = (a: Vector, b: Vector) => {
  const order = compareVectors(a, b);
  return order === 'same' || order === 'older';
};

/** What both know, office by office: the history of a version made from both. */
export function joinVectors(a: Vector, b: Vector): Vector {
  const joined: Record<string, number> = { ...a };
  for (const [office, count] of Object.entries(b)) joined[office] = Math.max(count, a[office] ?? 0);
  return sorted(joined);
}

/** A new version made at `fingerprint`'s office from the one `v` names. */
export function nextVector(v: Vector, fingerprint: string): Vector {
  const office = officeOf(fingerprint);
  return sorted({ ...v, [office]: (v[office] ?? 0) + 1 });
}

/** Keys in order, so that equal vectors read (and travel) the same. */
function sorted(v: Record<string, number>): Vector {
  return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export const vectorText = (v: Vector) => JSON.stringify(sorted({ ...v }));

export function parseVector(text: string): Vector {
  const parsed = vectorSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error('stored version vector unreadable');
  return parsed.data;
}
