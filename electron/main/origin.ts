/**
 * Where the renderer comes from. Electron-free: the IPC sender check, the navigation guard and
 * the request filter all ask the same questions of a URL.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'resguardo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origins the window may load from: `app://resguardo` always; while developing (never when
 * packaged) also the electron-vite dev server named in `ELECTRON_RENDERER_URL`.
 */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl !== undefined) {
    const origin = originOf(devServerUrl);
    // The dev server's hot reload talks over a WebSocket on the same host.
    if (origin !== null) origins.push(origin, origin.replace(/^http/, 'ws'));
  }
  return origins;
}

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Standard custom schemes report an opaque origin ("null"): build it the same way for both.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}
