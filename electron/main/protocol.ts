import { protocol, type Session } from 'electron';
import { APP_CSP } from '../security/csp';
import { APP_HOST, APP_SCHEME } from './origin';
import { readRendererFile, securityHeaders } from './renderer-files';

/** Must run before `app` is ready: `app://` behaves like https (secure context, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serve the built renderer folder on `app://resguardo/`, with the CSP on every response. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers: securityHeaders(APP_CSP) });
    }
    const file = await readRendererFile(rendererDir, url.pathname);
    if (file === null) {
      return new Response('Not found', { status: 404, headers: securityHeaders(APP_CSP) });
    }
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...securityHeaders(APP_CSP), 'Content-Type': file.mimeType },
    });
  });
}
