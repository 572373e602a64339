import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { RecoveryConfirmForm } from '../components/RecoveryConfirmForm';
import { recoveryKeyGroups, RecoveryKeyGroups } from '../components/RecoveryKeyGroups';
import { StatusMessage } from '../components/StatusMessage';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';

function randomIndex(count: number): number {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return value % count;
}

/**
 * The recovery key, shown once. Arrives from `vault.create`, or — when the user left before
 * confirming it — a fresh one from `vault.newRecoveryKey` (the old one is then useless).
 */
export function RecoveryKeyScreen({
  initialKey,
  officeName,
  onConfirmed,
}: {
  initialKey: string | null;
  officeName: string | null;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [recoveryKey, setRecoveryKey] = useState(initialKey);
  const [groupIndex, setGroupIndex] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { pending, error, run } = useCall();
  const requested = useRef(false);

  useEffect(() => {
    // Guarded: asking twice would replace the key the user is already copying.
    if (recoveryKey !== null || requested.current) return;
    requested.current = true;
    void run(() => call('vault.newRecoveryKey', {})).then((result) => {
      if (result.ok) setRecoveryKey(result.value.recoveryKey);
    });
  }, [recoveryKey, run]);

  const groups = recoveryKey === null ? [] : recoveryKeyGroups(recoveryKey);

  const copy = async () => {
    setStatus(null);
    const result = await run(() => call('vault.copyRecoveryKey', {}));
    if (result.ok) setStatus(t('recoveryKey.copied'));
  };

  if (groupIndex !== null && groups.length > 0) {
    return (
      <main data-testid="screen-recovery-key" className="screen screen-narrow" id="main">
        <h1>{t('recoveryKey.title')}</h1>
        <RecoveryConfirmForm
          groupIndex={groupIndex}
          onConfirmed={onConfirmed}
          onShowKeyAgain={() => setGroupIndex(null)}
        />
      </main>
    );
  }

  return (
    <main data-testid="screen-recovery-key" className="screen screen-narrow" id="main">
      <div className="print-area">
        <FocusHeading>{t('recoveryKey.title')}</FocusHeading>
        <div className="print-only">
          {officeName === null ? null : <p>{t('recoveryKey.printOffice', { officeName })}</p>}
          <p>{t('recoveryKey.printDate', { date: format.date(new Date()) })}</p>
        </div>
        <p className="lead no-print">
          {initialKey === null ? t('recoveryKey.introReplaced') : t('recoveryKey.intro')}
        </p>
        {groups.length > 0 ? <RecoveryKeyGroups groups={groups} /> : null}
        <p className="print-only">{t('recoveryKey.printAdvice')}</p>
      </div>
      <ul className="advice no-print">
        <li>{t('recoveryKey.adviceWrite')}</li>
        <li>{t('recoveryKey.adviceApart')}</li>
        <li>{t('recoveryKey.adviceOnce')}</li>
      </ul>
      <ErrorAlert error={error} />
      <StatusMessage message={status} />
      <div className="actions no-print">
        <Button className="button" onPress={() => window.print()} isDisabled={groups.length === 0}>
          {t('recoveryKey.print')}
        </Button>
        <Button
          className="button"
          onPress={() => void copy()}
          isDisabled={pending || groups.length === 0}
        >
          {t('recoveryKey.copy')}
        </Button>
        <Button
          className="button button-primary"
          onPress={() => setGroupIndex(randomIndex(groups.length))}
          isDisabled={groups.length === 0}
        >
          {t('recoveryKey.stored')}
        </Button>
      </div>
    </main>
  );
}
