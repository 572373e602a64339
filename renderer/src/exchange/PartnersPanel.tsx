import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PartnerView } from '../../../shared/contract/exchange';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { useCall } from '../hooks/use-call';
import { call, toAppError } from '../ipc/client';
import { pastedCardSchema, type PastedCardValues } from './exchange-forms';
import { PartnerRow } from './PartnerRow';

/** Partner offices: import a card, confirm its fingerprint out of band, rename, remove. */
export function PartnersPanel() {
  const { t } = useTranslation();
  const [partners, setPartners] = useState<PartnerView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { pending, error, setError, run } = useCall();
  const { control, handleSubmit, reset } = useForm<PastedCardValues>({
    resolver: zodResolver(pastedCardSchema),
    defaultValues: { text: '' },
  });

  // Bumped after each change: the effect asks main for the list again.
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((n) => n + 1);
  useEffect(() => {
    let live = true;
    call('partners.list', {}).then(
      (list) => live && setPartners(list),
      (thrown: unknown) => live && setError(toAppError(thrown)),
    );
    return () => {
      live = false;
    };
  }, [version, setError]);

  const imported = async (text?: string) => {
    setMessage(null);
    const result = await run(() => call('partners.importCard', text === undefined ? {} : { text }));
    if (!result.ok || result.value === null) return;
    reset({ text: '' });
    setMessage(t('handoff.partners.imported', { name: result.value.name }));
    reload();
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null);
    const result = await run(work);
    if (result.ok) {
      setMessage(done);
      reload();
    }
    return result.ok;
  };

  return (
    <div className="exchange-panel">
      <h2>{t('handoff.partners.title')}</h2>
      <ErrorAlert error={error} />
      <StatusMessage message={message} />
      {partners === null ? null : partners.length === 0 ? (
        <p className="empty-state">{t('handoff.partners.empty')}</p>
      ) : (
        <ul className="plain-list partner-list">
          {partners.map((partner) => (
            <PartnerRow
              key={partner.fingerprint}
              partner={partner}
              pending={pending}
              onVerify={() =>
                void act(
                  () => call('partners.verify', { fingerprint: partner.fingerprint }),
                  t('handoff.partners.verifiedNow', { name: partner.name }),
                )
              }
              onRename={(name) =>
                act(
                  () => call('partners.rename', { fingerprint: partner.fingerprint, name }),
                  t('handoff.partners.renamed'),
                )
              }
              onRemove={() =>
                void act(
                  () => call('partners.remove', { fingerprint: partner.fingerprint }),
                  t('handoff.partners.removed'),
                )
              }
            />
          ))}
        </ul>
      )}
      <h3>{t('handoff.partners.addTitle')}</h3>
      <div className="actions">
        <Button className="button" onPress={() => void imported()} isDisabled={pending}>
          {t('handoff.partners.importFile')}
        </Button>
      </div>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void handleSubmit(({ text }) => imported(text))(event)}
      >
        <TextAreaInput control={control} name="text" label={t('handoff.partners.pasteLabel')} />
        <div className="actions">
          <Button type="submit" className="button" isDisabled={pending}>
            {t('handoff.partners.importPasted')}
          </Button>
        </div>
      </form>
    </div>
  );
}
