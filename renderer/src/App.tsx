import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../shared/contract';
import { type AppError } from '../../shared/errors';
import { reloadAfterLock } from './app-reload';
import { applyLanguage } from './i18n/setup';
import { useRetryWait } from './hooks/use-retry-wait';
import { call, onEvent, toAppError } from './ipc/client';
import { CreateScreen } from './screens/CreateScreen';
import { HomeScreen } from './screens/HomeScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { RecoverScreen } from './screens/RecoverScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { StartupErrorScreen } from './screens/StartupErrorScreen';
import { UnlockScreen } from './screens/UnlockScreen';

type Status = Output<'app.status'>;
type StatusResult = { ok: true; status: Status } | { ok: false; error: AppError };

/** Ask main for the state, and speak its language before anything is shown. */
async function fetchStatus(): Promise<StatusResult> {
  try {
    const status = await call('app.status', {});
    await applyLanguage(status.language);
    return { ok: true, status };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

/** Picks the screen from `app.status`; main owns the state, the renderer only asks for it. */
export function App() {
  const { i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  // Only between `vault.create` and its confirmation; gone with the next reload.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [lockedView, setLockedView] = useState<'unlock' | 'recover'>('unlock');
  // One wait for both ways in, so switching between them does not skip it.
  const wait = useRetryWait(0);
  const { startWait } = wait;

  const apply = useCallback(
    (result: StatusResult) => {
      if (result.ok) {
        setStatus(result.status);
        setLoadError(null);
        if (result.status.state === 'locked') startWait(result.status.unlockDelayMs);
      } else {
        setLoadError(result.error);
      }
      // End-to-end tests wait for this marker instead of sleeping.
      document.body.dataset['ready'] = 'true';
    },
    [startWait],
  );

  const refresh = useCallback(() => fetchStatus().then(apply), [apply]);

  useEffect(() => {
    void fetchStatus().then(apply);
  }, [apply]);

  useEffect(() => {
    try {
      return onEvent('vault.locked', reloadAfterLock);
    } catch {
      return undefined; // No bridge: the status call reports it.
    }
  }, []);

  const officeName = status?.office?.officeName ?? null;
  const displayName = status?.office?.displayName ?? null;
  const personal = useMemo(
    () => [officeName, displayName].filter((value): value is string => value !== null),
    [officeName, displayName],
  );

  const screen = (() => {
    if (status === null) {
      return loadError === null ? (
        <LoadingScreen />
      ) : (
        <StartupErrorScreen error={loadError} onRetry={() => void refresh()} />
      );
    }
    switch (status.state) {
      case 'no_vault':
        return (
          <CreateScreen
            onCreated={(key) => {
              setRecoveryKey(key);
              void refresh();
            }}
          />
        );
      case 'locked':
        return lockedView === 'recover' ? (
          <RecoverScreen
            personal={personal}
            wait={wait}
            onRecovered={() => void refresh()}
            onBack={() => setLockedView('unlock')}
          />
        ) : (
          <UnlockScreen
            wait={wait}
            officeName={officeName}
            onUnlocked={() => void refresh()}
            onUseRecoveryKey={() => setLockedView('recover')}
          />
        );
      case 'unlocked':
        return status.recoveryKeyPending ? (
          <RecoveryKeyScreen
            initialKey={recoveryKey}
            officeName={officeName}
            onConfirmed={() => {
              setRecoveryKey(null);
              void refresh();
            }}
          />
        ) : (
          <HomeScreen
            status={status}
            onPreferencesChanged={(preferences) => setStatus({ ...status, ...preferences })}
          />
        );
    }
  })();

  return <I18nProvider locale={i18n.language}>{screen}</I18nProvider>;
}
