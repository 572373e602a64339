/**
 * How values cross between the page, the test process and the harness: JSON, with bytes as
 * `{ $bytes: base64 }` (Electron's IPC clones a Uint8Array; JSON cannot). No Node or DOM APIs:
 * the page's stand-in bundles this too.
 */
export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key];
    if (raw instanceof Uint8Array) {
      let binary = '';
      for (const byte of raw) binary += String.fromCharCode(byte);
      return { $bytes: btoa(binary) };
    }
    return replaced;
  });
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && '$bytes' in value) {
      const encoded = (value as { $bytes: unknown }).$bytes;
      if (typeof encoded === 'string') {
        const binary = atob(encoded);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
        return bytes;
      }
    }
    return value;
  });
}

/** The page sees `app://resguardo/…` as this http origin (Chromium cannot load a custom scheme). */
export const PAGE_ORIGIN = 'http://app.resguardo';

export function toAppUrl(pageUrl: string): string {
  return pageUrl.startsWith(`${PAGE_ORIGIN}/`) || pageUrl === PAGE_ORIGIN
    ? `app://resguardo${pageUrl.slice(PAGE_ORIGIN.length)}`
    : pageUrl;
}

export function toPageUrl(appUrl: string): string {
  return appUrl.startsWith('app://resguardo') ? `${PAGE_ORIGIN}${appUrl.slice(15)}` : appUrl;
}

/** Electron's `Input` for before-input-event, as the page's stand-in reports a key. */
export interface ReportedInput {
  type: 'keyDown' | 'mouseDown' | 'mouseWheel';
  key: string;
  code: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}
