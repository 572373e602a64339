import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type z } from 'zod';
import { consentFields, type Consent } from '../../../shared/contract/people';
import { ConfirmButton } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';
import { applyFieldErrors } from '../forms/field-errors';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { today } from '../records/values';
import { useVocab } from '../records/vocab';

type ConsentValues = z.infer<typeof consentFields>;

/**
 * Informed consent, one scope at a time: a new use needs a new consent. Revoking keeps the
 * record (when it was given and when it was withdrawn both matter).
 */
/** Whose consent: a person's or a collective's. */
export type ConsentOwner = { personId: string } | { collectiveId: string };

export function ConsentPanel({
  owner,
  consents,
  onChanged,
}: {
  owner: ConsentOwner;
  consents: Consent[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const label = useVocab();
  const format = useFormat();
  const revoke = useCall();
  return (
    <section className="record-block" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('consent.title')}</h2>
      <p className="field-description">{t('consent.intro')}</p>
      <ErrorAlert error={revoke.error} />
      {consents.length === 0 ? (
        <p className="empty-state">{t('consent.none')}</p>
      ) : (
        <ul className="record-list" data-testid="consent-list">
          {consents.map((consent) => (
            <li key={consent.id} className="record-row record-row-wide">
              <strong>{label('consent_scope', consent.scope)}</strong>
              <span className="record-meta">
                {t('consent.summary', {
                  identity: label('consent_identity', consent.identity),
                  date: format.day(consent.givenOn),
                  method: label('consent_method', consent.method),
                  recordedBy: consent.recordedBy,
                })}
              </span>
              {consent.revokedAt === null ? (
                <ConfirmButton
                  label={t('consent.revoke', { scope: label('consent_scope', consent.scope) })}
                  title={t('consent.revokeTitle')}
                  confirmLabel={t('consent.revokeConfirm')}
                  isDisabled={revoke.pending}
                  onConfirm={() => {
                    void revoke
                      .run(() => call('consents.revoke', { id: consent.id }))
                      .then((result) => {
                        if (result.ok) onChanged();
                      });
                  }}
                >
                  <p>{t('consent.revokeBody', { scope: label('consent_scope', consent.scope) })}</p>
                </ConfirmButton>
              ) : (
                <span className="badge badge-muted">
                  {t('consent.revokedOn', { date: format.moment(consent.revokedAt) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <AddConsentForm owner={owner} onAdded={onChanged} />
    </section>
  );
}

function AddConsentForm({ owner, onAdded }: { owner: ConsentOwner; onAdded: () => void }) {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  const initial: ConsentValues = {
    scope: 'internal_use',
    identity: 'pseudonym',
    givenOn: today(),
    method: 'verbal_in_person',
    notes: '',
  };
  const form = useForm<ConsentValues>({
    resolver: zodResolver(consentFields),
    defaultValues: initial,
  });
  const submit = form.handleSubmit(async (values) => {
    const result = await run(() =>
      call('consents.add', {
        personId: 'personId' in owner ? owner.personId : null,
        collectiveId: 'collectiveId' in owner ? owner.collectiveId : null,
        ...values,
      }),
    );
    if (!result.ok) {
      applyFieldErrors(
        result.error,
        ['scope', 'identity', 'givenOn', 'method', 'notes'],
        form.setError,
      );
      return;
    }
    form.reset(initial);
    onAdded();
  });
  return (
    <form
      className="form sub-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="consent-add-title"
    >
      <h3 id="consent-add-title">{t('consent.addTitle')}</h3>
      <ErrorAlert error={error} />
      <VocabSelect
        control={form.control}
        name="scope"
        vocabulary="consent_scope"
        label={t('consent.scope')}
      />
      <VocabSelect
        control={form.control}
        name="identity"
        vocabulary="consent_identity"
        label={t('consent.identity')}
      />
      <TextInput
        control={form.control}
        name="givenOn"
        inputType="date"
        label={t('consent.givenOn')}
      />
      <VocabSelect
        control={form.control}
        name="method"
        vocabulary="consent_method"
        label={t('consent.method')}
      />
      <TextAreaInput control={form.control} name="notes" label={t('consent.notes')} rows={2} />
      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {t('consent.add')}
        </Button>
      </div>
    </form>
  );
}
