import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { FingerprintGroups } from './FingerprintGroups';

/** This office's card: what partners import, and the fingerprint they confirm by phone. */
export function OfficeCardPanel() {
  const { t } = useTranslation();
  const [card, setCard] = useState<Output<'office.card'> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { pending, error, run } = useCall();

  useEffect(() => {
    void run(() => call('office.card', {})).then((result) => result.ok && setCard(result.value));
  }, [run]);

  const copy = async () => {
    setMessage(null);
    const result = await run(() => call('office.copyCard', {}));
    if (result.ok) setMessage(t('handoff.card.copied'));
  };
  const save = async () => {
    setMessage(null);
    const result = await run(() => call('office.saveCard', {}));
    if (result.ok && result.value.saved) setMessage(t('handoff.card.saved'));
  };

  return (
    <div className="exchange-panel">
      <h2>{t('handoff.card.title')}</h2>
      <p>{t('handoff.card.body')}</p>
      <ErrorAlert error={error} />
      {card === null ? null : (
        <>
          <p className="office-card-name">{card.name}</p>
          <h3>{t('handoff.card.fingerprintLabel')}</h3>
          <FingerprintGroups spoken={card.spokenFingerprint} />
          <p className="field-description">{t('handoff.card.fingerprintHelp')}</p>
          <div className="actions">
            <Button className="button" onPress={() => void copy()} isDisabled={pending}>
              {t('handoff.card.copy')}
            </Button>
            <Button className="button" onPress={() => void save()} isDisabled={pending}>
              {t('handoff.card.save')}
            </Button>
          </div>
        </>
      )}
      <StatusMessage message={message} />
    </div>
  );
}
