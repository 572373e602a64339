import { type WebContents } from 'electron';
import { type Log } from '../core/adapters';
import { isTrustedUrl } from './origin';

/**
 * Applied to every web contents the app ever creates: no new windows, no webviews, and no
 * navigation away from our own origin (a reload of our own page stays allowed: the renderer
 * reloads itself when the vault locks, to drop everything it held in memory).
 */
export function guardWebContents(
  contents: WebContents,
  origins: readonly string[],
  log: Log,
): void {
  contents.setWindowOpenHandler(() => {
    log('window.open denied');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    log('webview denied');
    event.preventDefault();
  });
  const refuseForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isTrustedUrl(url, origins)) {
      log('navigation denied');
      event.preventDefault();
    }
  };
  contents.on('will-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-redirect', (event) => refuseForeign(event, event.url));
}
