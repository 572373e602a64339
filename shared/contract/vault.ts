import { z } from 'zod';
import { nameField, passphraseField, recoveryGroupField, recoveryKeyField } from './fields';
import { languageSchema } from '../preferences';

const empty = z.strictObject({});

export const vaultStateSchema = z.enum(['no_vault', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof vaultStateSchema>;

export const vaultOperations = {
  'app.status': {
    input: empty,
    output: z.strictObject({
      state: vaultStateSchema,
      language: languageSchema,
      idleMinutes: z.number().int(),
      /** While locked: how long the next unlock attempt must wait. */
      unlockDelayMs: z.number().int().nonnegative(),
      office: z.strictObject({ officeName: z.string(), displayName: z.string() }).nullable(),
      /** Unlocked but the recovery key was never confirmed as stored. */
      recoveryKeyPending: z.boolean(),
    }),
  },
  /** The panic key (locks and hides at once) and whether it works outside the window too. */
  'app.panicShortcut': {
    input: empty,
    output: z.strictObject({ modifier: z.enum(['ctrl', 'cmd']), systemWide: z.boolean() }),
  },
  'vault.create': {
    input: z.strictObject({
      officeName: nameField,
      displayName: nameField,
      passphrase: passphraseField,
    }),
    output: z.strictObject({ recoveryKey: z.string() }),
  },
  'vault.unlock': {
    input: z.strictObject({ passphrase: passphraseField }),
    output: empty,
  },
  'vault.recover': {
    input: z.strictObject({ recoveryKey: recoveryKeyField, newPassphrase: passphraseField }),
    output: empty,
  },
  'vault.lock': { input: empty, output: empty },
  'vault.changePassphrase': {
    input: z.strictObject({ currentPassphrase: passphraseField, newPassphrase: passphraseField }),
    output: empty,
  },
  /** Replace the recovery key (when the old one was never confirmed, or was lost). */
  'vault.newRecoveryKey': { input: empty, output: z.strictObject({ recoveryKey: z.string() }) },
  /** Copy the pending recovery key to the clipboard; main clears it after 30 s. */
  'vault.copyRecoveryKey': { input: empty, output: empty },
  /** The user retypes one group of the key: proof that it was written down. */
  'vault.confirmRecoveryKey': {
    input: z.strictObject({
      groupIndex: z.number().int().min(0).max(15),
      group: recoveryGroupField,
    }),
    output: empty,
  },
} as const;
