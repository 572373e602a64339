import { z } from 'zod';

/** Every failure the main side can report. The renderer shows `messageKey` through i18next. */
export const errorCodes = [
  'validation',
  'unknown_operation',
  'forbidden_sender',
  'locked',
  'no_vault',
  'vault_exists',
  'wrong_secret',
  'throttled',
  'weak_passphrase',
  'vault_corrupt',
  'vault_kdf_too_weak',
  'database_too_new',
  'database_corrupt',
  'recovery_not_pending',
  'recovery_mismatch',
  'not_found',
  'conflict',
  'evidence_corrupt',
  'evidence_too_large',
  'evidence_not_previewable',
  'cancelled',
  'partner_card_invalid',
  'exchange_not_ours',
  'exchange_not_a_file',
  'exchange_wrong_key',
  'exchange_corrupt',
  'exchange_scrypt_not_alone',
  'exchange_scrypt_work_too_high',
  'exchange_scrypt_work_malformed',
  'exchange_source_changed',
  'exchange_bad_signature',
  'exchange_replayed',
  'exchange_version_unsupported',
  'exchange_too_large',
  'exchange_unsafe_path',
  'exchange_unverified_sender',
  'exchange_no_recipient',
  'exchange_owner_deleted',
  'export_not_verified',
  'drive_gone',
  'drive_full',
  'disk_full',
  'file_unwritable',
  'file_unreadable',
  'consent_missing',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  /** An i18n key under `errors.` — never a stack trace or a raw message. */
  messageKey: z.string(),
  /** Milliseconds to wait before the next unlock attempt (code `throttled` and `wrong_secret`). */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** Field paths the main side refused, with i18n keys, so forms can show them. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export function messageKeyFor(code: ErrorCode): string {
  return `errors.${code}`;
}

/** Thrown by handlers on the main side; the dispatcher turns it into an `AppError` reply. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: { retryAfterMs?: number; fields?: Record<string, string> } = {},
  ) {
    super(code);
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.fields = options.fields;
  }

  toAppError(): AppError {
    return {
      code: this.code,
      messageKey: messageKeyFor(this.code),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(this.fields === undefined ? {} : { fields: this.fields }),
    };
  }
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppError };
