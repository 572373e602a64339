import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Core, createCore } from '../../electron/core/create-core';
import { type CoreAdapters } from '../../electron/core/adapters';
import { type DetectedDrive } from '../../electron/drives/drive-types';
import { type SyncPart } from '../../electron/exchange/part-flusher';
import { describeMounts } from '../../electron/drives/system-drives';
import { readRendererFile, securityHeaders } from '../../electron/main/renderer-files';
import { TEST_HOST_CSP } from '../../electron/security/csp';
import { KDF_MINIMUM } from '../../electron/vault/kdf';
import { type Language } from '../../shared/preferences';
import { BRIDGE_PATH, BRIDGE_SCRIPT, TOKEN_HEADER, injectBridge } from './bridge-script';

/**
 * The browser test host: the real core behind a tiny HTTP server, so Chromium can run the real
 * renderer without Electron. Test tooling only; nothing here ships.
 */
/** A drive that takes `ms` longer for every flush. */
function slowDrive(ms: number): SyncPart {
  return async (handle) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await handle.datasync();
  };
}

export interface TestHostOptions {
  /** Folder for this host's vault; each test gets its own. */
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Use the smallest Argon2id cost the vault accepts, so tests do not wait on the KDF. */
  fastKdf?: boolean;
  /** The language before the user picks one (the "system" language). */
  language?: Language;
  /** Each flush of an export's part waits this long first, as on a slow stick. */
  slowDriveMs?: number;
  /** An import's reading pauses this long after every 4 MiB, as from a slow stick. */
  slowReadMs?: number;
  /** A copy of evidence pauses this long after every 4 MiB written, as on a slow stick. */
  slowCopyMs?: number;
  /** The built renderer; defaults to `out/renderer` of this checkout. */
  rendererDir?: string;
  /** How often the core polls the fake idle time. */
  idlePollMs?: number;
  log?: (line: string) => void;
}

export interface TestHost {
  /** The page to open, token included. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'resguardo_test_token';
const MAX_BODY_BYTES = 1024 * 1024;

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const rendererDir = options.rendererDir ?? resolve(__dirname, '..', '..', 'out', 'renderer');
  const token = randomBytes(24).toString('base64url');
  const writeLog = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const sseClients = new Set<ServerResponse>();
  let clipboardText = '';
  let idleSeconds = 0;
  /** What the fake native file dialogs answer (set by tests through `/__test/dialogs`). */
  let dialogAnswers: {
    openPaths: string[];
    savePath: string | null;
    folder: string | null;
    importPath: string | null;
  } = {
    openPaths: [],
    savePath: null,
    folder: null,
    importPath: null,
  };
  /** Folders standing in for removable drives (set through `/__test/drives`). */
  let fakeDrives: DetectedDrive[] = [];
  /** Every event the core emitted, for tests to check what happened (e.g. why the vault locked). */
  const emitted: { event: string; payload: unknown }[] = [];

  const adapters: CoreAdapters = {
    clipboard: {
      readText: async () => clipboardText,
      writeText: async (text) => {
        clipboardText = text;
      },
    },
    emit: (event, payload) => {
      emitted.push({ event, payload });
      const frame = `event: resguardo\ndata: ${JSON.stringify({ event, payload })}\n\n`;
      for (const client of sseClients) client.write(frame);
    },
    log: (message, details) =>
      writeLog(`[core] ${message}${details === undefined ? '' : ` ${JSON.stringify(details)}`}`),
    dialogs: {
      chooseFilesToOpen: async () => [...dialogAnswers.openPaths],
      chooseSavePath: async () => dialogAnswers.savePath,
      chooseExportFolder: async () => dialogAnswers.folder,
      chooseImportFile: async () => dialogAnswers.importPath,
    },
    drives: { list: async () => fakeDrives },
  };

  const core: Core = await createCore({
    dataDir: options.dataDir,
    adapters,
    defaultLanguage: options.language ?? 'es',
    ...(options.fastKdf ? { kdf: KDF_MINIMUM } : {}),
    exchange: {
      ...(options.slowDriveMs === undefined ? {} : { syncPart: slowDrive(options.slowDriveMs) }),
      ...(options.slowReadMs === undefined ? {} : { readPauseMs: options.slowReadMs }),
    },
    evidence: { copyPauseMs: options.slowCopyMs },
  });
  const idleWatch = core.watchIdle(
    { systemIdleSeconds: () => idleSeconds },
    options.idlePollMs ?? 250,
  );

  let expectedHost = '';

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      writeLog(`[host] request failed: ${String(error)}`);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another origin cannot read our answers, but refuse foreign Host headers anyway
    // (DNS rebinding), before anything else.
    if (request.headers.host !== expectedHost)
      return send(response, 403, 'text/plain', 'Forbidden');
    const url = new URL(request.url ?? '/', `http://${expectedHost}`);
    const method = request.method ?? 'GET';

    // Operations and test controls: the token must come in a header, which a foreign page
    // cannot set on a cross-origin request without a preflight we never answer.
    if (url.pathname === '/__ipc' || url.pathname.startsWith('/__test/')) {
      if (!matches(request.headers[TOKEN_HEADER]))
        return send(response, 403, 'text/plain', 'Forbidden');
      return handleControl(url.pathname, method, request, response);
    }

    // Pages, scripts and the event stream: the token from the URL, or the cookie set by the
    // first page load (module scripts and styles cannot carry a header).
    const viaQuery = matches(url.searchParams.get('token') ?? undefined);
    if (!viaQuery && !matches(cookieToken(request)))
      return send(response, 403, 'text/plain', 'Forbidden');
    if (method !== 'GET' && method !== 'HEAD')
      return send(response, 405, 'text/plain', 'Method not allowed');

    if (url.pathname === '/__events') return openEventStream(response);
    if (url.pathname === BRIDGE_PATH) {
      return send(response, 200, 'text/javascript; charset=utf-8', BRIDGE_SCRIPT);
    }
    const file = await readRendererFile(rendererDir, url.pathname);
    // Chromium asks every http page for a favicon; Electron never does. Nothing to report.
    if (file === null && url.pathname === '/favicon.ico')
      return send(response, 204, 'image/x-icon', '');
    if (file === null) return send(response, 404, 'text/plain', 'Not found');
    const headers: Record<string, string> = {};
    if (viaQuery) {
      headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    }
    if (file.mimeType.startsWith('text/html')) {
      return send(response, 200, file.mimeType, injectBridge(file.body.toString('utf8')), headers);
    }
    return send(response, 200, file.mimeType, file.body, headers);
  }

  async function handleControl(
    path: string,
    method: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (path === '/__ipc' && method === 'POST') {
      const body = await readJson(request);
      if (body === undefined) return sendJson(response, 400, { error: 'bad json' });
      const reply = await core.dispatch(body.operation, body.input);
      // Bytes (image previews) cross as base64; the bridge turns them back into a Uint8Array.
      return send(
        response,
        200,
        'application/json; charset=utf-8',
        JSON.stringify(reply, function (this: Record<string, unknown>, key, value: unknown) {
          const raw = this[key];
          return raw instanceof Uint8Array
            ? { $bytes: Buffer.from(raw).toString('base64') }
            : value;
        }),
      );
    }
    if (path === '/__test/idle' && method === 'POST') {
      const body = await readJson(request);
      const seconds = body?.seconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
        return sendJson(response, 400, { error: 'seconds must be a non-negative number' });
      }
      idleSeconds = seconds;
      return sendJson(response, 200, { seconds });
    }
    if (path === '/__test/dialogs' && method === 'POST') {
      const body = await readJson(request);
      const openPaths = body?.openPaths;
      const savePath = body?.savePath;
      const folder = body?.folder ?? null;
      const importPath = body?.importPath ?? null;
      const pathsOk =
        Array.isArray(openPaths) && openPaths.every((item) => typeof item === 'string');
      const optional = (value: unknown) => value === null || typeof value === 'string';
      if (!pathsOk || !optional(savePath) || !optional(folder) || !optional(importPath)) {
        return sendJson(response, 400, {
          error: 'openPaths: string[], savePath/folder?/importPath?: string | null',
        });
      }
      dialogAnswers = {
        openPaths: openPaths as string[],
        savePath: savePath as string | null,
        folder: folder as string | null,
        importPath: importPath as string | null,
      };
      return sendJson(response, 200, dialogAnswers);
    }
    if (path === '/__test/drives' && method === 'POST') {
      const body = await readJson(request);
      const list = body?.drives;
      const valid =
        Array.isArray(list) &&
        list.every(
          (d: unknown) =>
            typeof d === 'object' &&
            d !== null &&
            typeof (d as Record<string, unknown>)['label'] === 'string' &&
            typeof (d as Record<string, unknown>)['path'] === 'string',
        );
      if (!valid) return sendJson(response, 400, { error: 'drives: {label, path}[]' });
      const mounts = (list as { label: string; path: string }[]).map((d) => ({
        device: `test:${d.label}`,
        mountPoint: d.path,
      }));
      fakeDrives = (await describeMounts(mounts)).map((drive, i) => ({
        ...drive,
        label: (list as { label: string }[])[i]!.label,
      }));
      return sendJson(response, 200, { drives: fakeDrives.map((d) => d.id) });
    }
    if (path === '/__test/clipboard' && method === 'GET') {
      return sendJson(response, 200, { text: clipboardText });
    }
    if (path === '/__test/events' && method === 'GET') {
      return sendJson(response, 200, { events: emitted });
    }
    return sendJson(response, 404, { error: 'not found' });
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      ...securityHeaders(TEST_HOST_CSP),
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    response.write('retry: 500\n\n');
    sseClients.add(response);
    response.on('close', () => sseClients.delete(response));
  }

  function matches(candidate: string | string[] | undefined): boolean {
    if (typeof candidate !== 'string') return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  const origin = `http://${expectedHost}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () => {
      closing ??= (async () => {
        idleWatch.stop();
        for (const client of sseClients) client.end();
        sseClients.clear();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await core.close();
      })();
      return closing;
    },
  };
}

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extraHeaders: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...securityHeaders(TEST_HOST_CSP),
    ...extraHeaders,
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
