import { type Session } from 'electron';
import { type Log } from '../core/adapters';
import { isTrustedUrl } from './origin';

/**
 * The page may ask for nothing and reach nothing: every permission is refused and every request
 * that is not for our own origin (or an inline image) is cancelled before it leaves.
 */
export function lockDownSession(
  session: Session,
  origins: readonly string[],
  options: { allowDevTools: boolean; log: Log },
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    options.log('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  session.webRequest.onBeforeRequest((details, callback) => {
    const { url } = details;
    const allowed =
      isTrustedUrl(url, origins) ||
      url.startsWith('data:') ||
      url.startsWith('blob:') ||
      (options.allowDevTools && url.startsWith('devtools:'));
    if (!allowed) options.log('request cancelled', { scheme: url.split(':', 1)[0] });
    callback({ cancel: !allowed });
  });
}
