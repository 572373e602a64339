import { type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { type AppError } from '../../../shared/errors';

/**
 * Messages the form schemas and `shared/contract/fields.ts` produce. Each has a translation under
 * `validation.`, the same namespace main uses for the keys in `AppError.fields`.
 */
const knownMessages = new Set([
  'required',
  'too_long',
  'too_short',
  'mismatch',
  'passphrase_mismatch',
  'weak',
  'out_of_range',
  'invalid',
]);

/** The i18n key for a field error: a zod message code, or a key main sent (`validation.*`). */
export function fieldErrorKey(message: string | undefined): string {
  if (message === undefined) return 'validation.invalid';
  if (knownMessages.has(message)) return `validation.${message}`;
  const code = message.startsWith('validation.') ? message.slice('validation.'.length) : '';
  return knownMessages.has(code) ? message : 'validation.invalid';
}

/** Show the fields main refused next to the inputs (only those the form actually has). */
export function applyFieldErrors<T extends FieldValues>(
  error: AppError,
  fieldNames: readonly Path<T>[],
  setError: UseFormSetError<T>,
): void {
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const name = fieldNames.find((candidate) => candidate === path);
    if (name !== undefined) setError(name, { type: 'server', message });
  }
}
