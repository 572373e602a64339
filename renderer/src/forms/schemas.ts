import { z } from 'zod';
import {
  nameField,
  passphraseField,
  recoveryGroupField,
  recoveryKeyField,
} from '../../../shared/contract/fields';
import { assessPassphrase } from '../../../shared/passphrase-policy';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, languageSchema } from '../../../shared/preferences';

/**
 * Form schemas, built from the same field schemas the contract uses, so a form refuses what main
 * would refuse. Issue messages are short codes; `field-errors.ts` turns them into i18n keys.
 */
export const namesSchema = z.object({ officeName: nameField, displayName: nameField });
export type NamesValues = z.infer<typeof namesSchema>;

/**
 * A new passphrase typed twice must be strong enough for the shared policy, given the personal
 * words (office and user names), and the same both times.
 */
function checkNewPassphrase(personal: string[]) {
  return (value: { newPassphrase: string; confirmPassphrase: string }, ctx: z.RefinementCtx) => {
    if (!assessPassphrase(value.newPassphrase, personal).acceptable) {
      ctx.addIssue({ code: 'custom', path: ['newPassphrase'], message: 'weak' });
    }
    if (value.confirmPassphrase !== value.newPassphrase) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassphrase'], message: 'passphrase_mismatch' });
    }
  };
}

const newPassphraseShape = { newPassphrase: passphraseField, confirmPassphrase: z.string() };

export const newPassphraseSchema = (personal: string[]) =>
  z.object(newPassphraseShape).superRefine(checkNewPassphrase(personal));
export type NewPassphraseValues = z.infer<ReturnType<typeof newPassphraseSchema>>;

export const unlockSchema = z.object({ passphrase: passphraseField });
export type UnlockValues = z.infer<typeof unlockSchema>;

export const recoverSchema = (personal: string[]) =>
  z
    .object({ recoveryKey: recoveryKeyField, ...newPassphraseShape })
    .superRefine(checkNewPassphrase(personal));
export type RecoverValues = z.infer<ReturnType<typeof recoverSchema>>;

export const changePassphraseSchema = (personal: string[]) =>
  z
    .object({ currentPassphrase: passphraseField, ...newPassphraseShape })
    .superRefine(checkNewPassphrase(personal));
export type ChangePassphraseValues = z.infer<ReturnType<typeof changePassphraseSchema>>;

export const confirmGroupSchema = z.object({ group: recoveryGroupField });
export type ConfirmGroupValues = z.infer<typeof confirmGroupSchema>;

export const preferencesFormSchema = z.object({
  language: languageSchema,
  idleMinutes: z
    .number({ message: 'required' })
    .int('out_of_range')
    .min(IDLE_MINUTES_MIN, 'out_of_range')
    .max(IDLE_MINUTES_MAX, 'out_of_range'),
});
export type PreferencesFormValues = z.infer<typeof preferencesFormSchema>;
