import { z } from 'zod';
import { nameField, passphraseField } from '../../../shared/contract/fields';
import { assessPassphrase } from '../../../shared/passphrase-policy';

/**
 * The exchange forms' schemas, from the contract's own field schemas, so a form refuses what main
 * would refuse. Messages are the short codes `forms/field-errors.ts` translates.
 */
export const pastedCardSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'required')
    .max(16 * 1024, 'too_long'),
});
export type PastedCardValues = z.infer<typeof pastedCardSchema>;

export const renameSchema = z.object({ name: nameField });
export type RenameValues = z.infer<typeof renameSchema>;

export const exportFormSchema = z
  .object({
    scope: z.enum(['all', 'selected']),
    caseIds: z.array(z.string()),
    to: z.enum(['partners', 'passphrase']),
    partners: z.array(z.string()),
    passphrase: z.string(),
    confirmPassphrase: z.string(),
    /** A drive id from `drives.list`, or 'folder' to ask main for a folder. */
    where: z.string().min(1, 'required'),
  })
  .superRefine((value, ctx) => {
    if (value.scope === 'selected' && value.caseIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['caseIds'], message: 'required' });
    }
    if (value.to === 'partners' && value.partners.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['partners'], message: 'required' });
    }
    if (value.to === 'passphrase') {
      const checked = passphraseField.safeParse(value.passphrase);
      if (!checked.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['passphrase'],
          message: checked.error.issues[0]?.message ?? 'invalid',
        });
      } else if (!assessPassphrase(value.passphrase, []).acceptable) {
        // A lost stick can be attacked offline for as long as anyone likes.
        ctx.addIssue({ code: 'custom', path: ['passphrase'], message: 'weak' });
      }
      if (value.confirmPassphrase !== value.passphrase) {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmPassphrase'],
          message: 'passphrase_mismatch',
        });
      }
    }
  });
export type ExportFormValues = z.infer<typeof exportFormSchema>;

export const importFormSchema = z.object({
  passphrase: z.union([z.literal(''), passphraseField]),
});
export type ImportFormValues = z.infer<typeof importFormSchema>;
