import { mkdir } from 'node:fs/promises';
import { type LockReason } from '../../shared/contract';
import { caseHandlers } from '../handlers/case-handlers';
import { dashboardHandlers } from '../handlers/dashboard-handlers';
import { casePartHandlers } from '../handlers/case-part-handlers';
import { dossierHandlers } from '../handlers/dossier-handlers';
import { draftHandlers } from '../handlers/draft-handlers';
import { driveHandlers, driveView } from '../handlers/drive-handlers';
import { createDrivePoller } from '../drives/drive-poller';
import { evidenceHandlers } from '../handlers/evidence-handlers';
import { exchangeHandlers } from '../handlers/exchange-handlers';
import { peopleHandlers } from '../handlers/people-handlers';
import { preferenceHandlers } from '../handlers/preference-handlers';
import { riskHandlers } from '../handlers/risk-handlers';
import { statisticsHandlers } from '../handlers/statistics-handlers';
import { shellHandlers } from '../handlers/shell-handlers';
import { vaultHandlers } from '../handlers/vault-handlers';
import { createDispatcher, type Handlers } from '../ipc/dispatcher';
import { createLockWatch } from '../lock/lock-watch';
import { loadPreferences } from '../preferences/preferences-store';
import { KDF_DEFAULT } from '../vault/kdf';
import { createUnlockThrottle } from '../vault/unlock-throttle';
import { vaultPaths } from '../vault/vault-paths';
import { type CoreContext } from './context';
import { type Core, type CoreOptions } from './create-core';
import { createSerialQueue } from './serial';
import { endSession, type Session } from './session';

const IDLE_POLL_MS = 5_000;

/** Assemble the Electron-free main side: the same object serves the app and the test host. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const paths = vaultPaths(options.dataDir);
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  const sessionEndHooks: ((session: Session) => Promise<void>)[] = [];
  const context: CoreContext = {
    paths,
    kdf: options.kdf ?? KDF_DEFAULT,
    adapters: options.adapters,
    preferences: await loadPreferences(paths.preferencesFile, options.defaultLanguage),
    throttle: createUnlockThrottle(paths.attemptsFile),
    session: null,
    serial: createSerialQueue(),
    lock,
    onSessionEnd: (hook) => void sessionEndHooks.push(hook),
  };

  async function lock(reason: LockReason): Promise<void> {
    const session = context.session;
    if (!session) return;
    // Forget the session first, so no request can use it while the database closes.
    context.session = null;
    try {
      await endSession(session);
    } finally {
      // Each hook runs whatever the others do: what they drop must not stay behind.
      await Promise.allSettled(sessionEndHooks.map((hook) => hook(session)));
    }
    options.adapters.log('vault locked', { reason });
    options.adapters.emit('vault.locked', { reason });
  }

  const handlers = {
    ...vaultHandlers(context),
    ...preferenceHandlers(context),
    ...peopleHandlers(context),
    ...caseHandlers(context),
    ...casePartHandlers(context),
    ...evidenceHandlers(context, options.evidence),
    ...draftHandlers(context),
    ...exchangeHandlers(context, options.exchange),
    ...driveHandlers(context),
    ...riskHandlers(context),
    ...dashboardHandlers(context),
    ...dossierHandlers(context),
    ...statisticsHandlers(context),
    ...shellHandlers(context),
  } satisfies Handlers;
  const dispatch = createDispatcher(handlers, options.adapters.log);
  const drives = options.adapters.drives;
  // Only the list of labels and ids goes out; the renderer ignores it while locked.
  const poller = drives
    ? createDrivePoller(
        () => drives.list(),
        (list) => options.adapters.emit('drives.changed', { drives: list.map(driveView) }),
        drives.pollIntervalMs,
      )
    : null;
  void poller?.current().catch(() => undefined);

  return {
    dispatch,
    lock,
    watchIdle(probe, intervalMs = IDLE_POLL_MS) {
      return createLockWatch({
        probe,
        intervalMs,
        limitSeconds: () => context.preferences.get().idleMinutes * 60,
        lock: (reason) => {
          if (context.session) void lock(reason);
        },
      });
    },
    close: () => {
      poller?.stop();
      return lock('user');
    },
  };
}
