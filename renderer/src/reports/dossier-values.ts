import { z } from 'zod';
import { passphraseField } from '../../../shared/contract/fields';
import { dossierRequest, dossierTemplates } from '../../../shared/contract/dossiers';

const required = (schema: z.ZodString) =>
  schema.refine((value) => value.trim() !== '', { message: 'required' });

/**
 * The dossier form: the contract's own fields (template, language, redaction, the lawyer's
 * texts) plus where it goes. A plain PDF needs the warning confirmed; a passphrase typed twice.
 */
export const dossierFormSchema = z
  .object({
    template: z.enum(dossierTemplates),
    language: z.enum(['es', 'en']),
    pseudonymize: z.array(z.string()),
    includeContacts: z.boolean(),
    includeExactPlaces: z.boolean(),
    summary: required(dossierRequest.shape.summary),
    measuresRequested: required(dossierRequest.shape.measuresRequested),
    workRiskLink: dossierRequest.shape.workRiskLink,
    context: dossierRequest.shape.context,
    destination: z.enum(['partners', 'passphrase', 'plain']),
    partners: z.array(z.string()),
    passphrase: z.string(),
    confirmPassphrase: z.string(),
    plainConfirmed: z.boolean(),
  })
  .superRefine((value, ctx) => {
    if (value.destination === 'partners' && value.partners.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['partners'], message: 'required' });
    }
    if (value.destination === 'passphrase') {
      const checked = passphraseField.safeParse(value.passphrase);
      if (!checked.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['passphrase'],
          message: checked.error.issues[0]?.message ?? 'invalid',
        });
      }
      if (value.confirmPassphrase !== value.passphrase) {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmPassphrase'],
          message: 'passphrase_mismatch',
        });
      }
    }
    if (value.destination === 'plain' && !value.plainConfirmed) {
      ctx.addIssue({ code: 'custom', path: ['plainConfirmed'], message: 'required' });
    }
  });
export type DossierFormValues = z.infer<typeof dossierFormSchema>;

export function emptyDossier(language: 'es' | 'en', hasPartners: boolean): DossierFormValues {
  return {
    template: 'iachr',
    language,
    pseudonymize: [],
    includeContacts: false,
    includeExactPlaces: false,
    summary: '',
    measuresRequested: '',
    workRiskLink: '',
    context: '',
    destination: hasPartners ? 'partners' : 'passphrase',
    partners: [],
    passphrase: '',
    confirmPassphrase: '',
    plainConfirmed: false,
  };
}
