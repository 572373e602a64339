/**
 * The renderer's Content-Security-Policy, in one place: the app's `app://` protocol and the
 * browser test host both send it, so the tests run the page under the policy users get.
 * Electron-free on purpose (the test host imports it).
 */
const directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

type Directive = keyof typeof directives;

function serialize(overrides: Partial<Record<Directive, readonly string[]>> = {}): string {
  return (Object.keys(directives) as Directive[])
    .map((name) => `${name} ${(overrides[name] ?? directives[name]).join(' ')}`)
    .join('; ');
}

/** What the packaged app sends: the page may talk to nothing but main, through the preload. */
export const APP_CSP = serialize();

/**
 * The test host's policy: identical except that the page may reach its own origin, because the
 * test bridge carries IPC over `fetch` and `EventSource` instead of Electron's IPC.
 */
export const TEST_HOST_CSP = serialize({ 'connect-src': ["'self'"] });
