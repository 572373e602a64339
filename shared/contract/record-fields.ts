import { z } from 'zod';
import { country } from '../vocabularies';

/**
 * Field schemas for case records, shared by the contract and the forms so both refuse the same
 * input. Every string has a maximum length and every array a maximum size: the dispatcher
 * refuses oversized payloads before any handler runs.
 */
export const SHORT_TEXT_MAX = 200;
export const MEDIUM_TEXT_MAX = 2_000;
export const LONG_TEXT_MAX = 50_000;
export const LIST_MAX = 50;

/**
 * C0 control characters other than tab and newlines: never typed by a person; refusing them
 * keeps stored text safe to show, export and print as is.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(max: number) {
  return z
    .string()
    .max(max, 'too_long')
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'invalid');
}

export const idField = z.uuid();
export const requiredText = text(SHORT_TEXT_MAX).trim().min(1, 'required');
export const shortText = text(SHORT_TEXT_MAX).trim();
export const mediumText = text(MEDIUM_TEXT_MAX);
export const longText = text(LONG_TEXT_MAX);

/** A calendar date, YYYY-MM-DD, that exists. */
export const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'invalid');

export const timestampField = z.iso.datetime();

/** A list of codes from one vocabulary, without repeats. */
export function codeList<T extends z.ZodType<string>>(code: T, min = 0, max = LIST_MAX) {
  return z
    .array(code)
    .min(min, 'required')
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'invalid');
}

export const tagList = z.array(shortText.pipe(z.string().min(1))).max(LIST_MAX);

/** Locations default to municipality level; an exact address is a separate, sensitive field. */
export const placeFields = {
  country: country.schema.nullable(),
  department: shortText.nullable(),
  municipality: shortText.nullable(),
};

/** Paging for lists: never more than 200 rows in one reply. */
export const LIST_LIMIT_MAX = 200;
export const pageFields = {
  limit: z.number().int().min(1).max(LIST_LIMIT_MAX),
  offset: z.number().int().min(0).max(10_000_000),
};

export const idInput = z.strictObject({ id: idField });
export const empty = z.strictObject({});

/** Every record carries these; `updatedAt` also serves to show "last edited". */
export const stamps = { createdAt: z.string(), updatedAt: z.string() };
