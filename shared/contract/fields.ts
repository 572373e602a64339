import { z } from 'zod';
import { PASSPHRASE_MAX_LENGTH } from '../passphrase-limits';

/** Field schemas reused by the contract and the forms, so both refuse the same input. */
export const nameField = z.string().trim().min(1, 'required').max(200, 'too_long');
export const passphraseField = z.string().min(1, 'required').max(PASSPHRASE_MAX_LENGTH, 'too_long');
/** Crockford base32, grouped with dashes or spaces as the user types it. */
export const recoveryKeyField = z.string().min(1, 'required').max(200, 'too_long');
export const recoveryGroupField = z.string().min(1, 'required').max(16, 'too_long');
