import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { PanicKeyHint } from '../components/PanicKeyHint';
import { FocusHeading } from '../components/FocusHeading';
import { type NamesValues } from '../forms/schemas';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { CreateNamesStep } from './CreateNamesStep';
import { CreatePassphraseStep } from './CreatePassphraseStep';

/** First run: who the office is and who is using it, then the passphrase. */
export function CreateScreen({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const { t } = useTranslation();
  const [names, setNames] = useState<NamesValues | null>(null);
  const [step, setStep] = useState<'names' | 'passphrase'>('names');
  const [namesError, setNamesError] = useState<AppError | null>(null);
  const { pending, error, run } = useCall();
  const personal = useMemo(
    () => (names === null ? [] : [names.officeName, names.displayName]),
    [names],
  );

  const create = async (passphrase: string): Promise<AppError | null> => {
    if (names === null) return null;
    const result = await run(() => call('vault.create', { ...names, passphrase }));
    if (result.ok) {
      onCreated(result.value.recoveryKey);
      return null;
    }
    const fields = Object.keys(result.error.fields ?? {});
    if (fields.includes('officeName') || fields.includes('displayName')) {
      setNamesError(result.error);
      setStep('names');
    }
    return result.error;
  };

  return (
    <main data-testid="screen-create" className="screen screen-narrow" id="main">
      <FocusHeading>{t('create.title')}</FocusHeading>
      <p className="lead">{t('create.intro')}</p>
      <PanicKeyHint />
      <ErrorAlert error={error} />
      {step === 'names' ? (
        <CreateNamesStep
          key="names"
          initial={names}
          serverError={namesError}
          onNext={(values) => {
            setNames(values);
            setNamesError(null);
            setStep('passphrase');
          }}
        />
      ) : (
        <CreatePassphraseStep
          key="passphrase"
          personal={personal}
          pending={pending}
          onBack={() => setStep('names')}
          onSubmit={create}
        />
      )}
    </main>
  );
}
