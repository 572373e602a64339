import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import Module from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createStandIn, type Scenario } from './electron-stand-in';
import { type ReportedInput, decode, encode } from './wire';

/**
 * Runs the BUILT main bundle (out/main/index.js) under Node, with the Electron stand-in in place
 * of `electron`, and lets a test drive it over loopback (random port, token in a header):
 * the protocol handler, the IPC handler with a chosen sender, window and power events, the
 * global shortcut, the dialogs' answers. Prints `shell ready <origin> <token> <pid> <ms>` once
 * listening (its pid, and when the bundle began to load, in epoch ms),
 * then one `shell-call <json>` line per call the stand-in records. Test tooling only.
 *
 * `tsx tests/shell/run-built-main.ts [--main out/main/index.js] [--no-global-shortcuts]
 *  [--language es-MX]`; the vault goes where RESGUARDO_DATA_DIR says (main honours it unpackaged).
 */
const TOKEN_HEADER = 'x-resguardo-shell-token';
const { values } = parseArgs({
  options: {
    main: { type: 'string' },
    'no-global-shortcuts': { type: 'boolean', default: false },
    language: { type: 'string', default: 'es-MX' },
  },
  strict: true,
});
const mainBundle = resolve(
  values.main ?? resolve(__dirname, '..', '..', 'out', 'main', 'index.js'),
);

const scenario: Scenario = {
  globalShortcutsWork: !values['no-global-shortcuts'],
  systemIdleSeconds: 0,
  systemIdleState: 'active',
  systemLanguages: [values.language],
  dialogs: { openPaths: [], savePath: null, folder: null, importPath: null },
  clipboard: '',
  argv: process.argv,
};

/** What main sent to pages, for the test process to hand on (Server-Sent Events). */
const streams = new Set<ServerResponse>();
const standIn = createStandIn({
  scenario,
  deliver: (webContentsId, channel, args) => {
    const frame = `data: ${encode({ webContentsId, channel, args })}\n\n`;
    for (const stream of streams) stream.write(frame);
  },
  onCall: (call) => process.stdout.write(`shell-call ${encode(call)}\n`),
});
standIn.app.on('exit', (code: number) => process.exit(code));
standIn.app.on('quit', () => process.exit(0));

// Time as main sees it: a test moves it on to reach an idle limit without waiting minutes.
let clockOffsetMs = 0;
const realNow = Date.now.bind(Date);
Date.now = () => realNow() + clockOffsetMs;

// `require('electron')` from the bundle gets the stand-in; everything else loads as usual.
type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Load };
const load = moduleWithLoad._load;
moduleWithLoad._load = function (request, parent, isMain) {
  if (request === 'electron') return standIn.electron;
  return load.call(this, request, parent, isMain);
};

const token = randomBytes(24).toString('base64url');
/** Keys and clicks reported from the page so far (a test waits for its own to arrive). */
let inputs = 0;
const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    process.stderr.write(`[shell] ${request.url} failed: ${String(error)}\n`);
    if (!response.headersSent) response.writeHead(500);
    response.end(String(error));
  });
});

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const given = request.headers[TOKEN_HEADER];
  if (typeof given !== 'string' || !same(given, token)) return json(response, 403, {});
  const url = new URL(request.url ?? '/', 'http://shell');
  const body = request.method === 'POST' ? await readBody(request) : {};
  const { registered } = standIn;
  const win = (id: unknown) => registered.windows.find((w) => w.webContents.id === id);

  switch (url.pathname) {
    case '/events':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': open\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
      return;
    case '/state':
      return json(response, 200, {
        calls: standIn.calls,
        windows: registered.windows.map((w) => ({
          webContentsId: w.webContents.id,
          options: w.options,
          url: w.url,
          visible: w.visible,
        })),
        ipcChannels: [...registered.ipcHandlers.keys()],
        protocolSchemes: [...registered.protocolHandlers.keys()],
        globalShortcuts: [...registered.globalShortcuts.keys()],
        requestFilter: registered.beforeRequest !== null,
        inputs,
      });
    case '/ready':
      standIn.ready();
      return json(response, 200, {});
    case '/request': {
      // As Chromium in Electron: the session's request filter first, then the scheme's handler.
      const target = String(body['url']);
      const method = String(body['method'] ?? 'GET');
      const cancel = await new Promise<boolean>((done) => {
        if (registered.beforeRequest === null) return done(false);
        registered.beforeRequest({ url: target }, (answer) => done(answer.cancel === true));
      });
      if (cancel) return json(response, 200, { cancel });
      const handler = registered.protocolHandlers.get(new URL(target).protocol.slice(0, -1));
      if (handler === undefined) return json(response, 200, { cancel, status: null });
      const answer = await handler(new Request(target, { method }));
      const bytes = new Uint8Array(await answer.arrayBuffer());
      return json(response, 200, {
        cancel,
        status: answer.status,
        headers: Object.fromEntries(answer.headers.entries()),
        body: Buffer.from(bytes).toString('base64'),
      });
    }
    case '/ipc': {
      // An invoke from a page: the event carries the sender main checks.
      const handler = registered.ipcHandlers.get(String(body['channel']));
      if (handler === undefined) return json(response, 404, { error: 'no handler' });
      const sender = body['sender'] as { webContentsId: number; url: string; top: boolean };
      const contents = win(sender.webContentsId)?.webContents;
      const main = contents?.mainFrame;
      const event = {
        sender: { id: sender.webContentsId },
        senderFrame: {
          url: sender.url,
          parent: sender.top ? null : {},
          processId: main?.processId ?? 9999,
          routingId: sender.top ? (main?.routingId ?? 1) : 2,
        },
      } as unknown as Electron.IpcMainInvokeEvent;
      const args = decode(String(body['args'])) as unknown[];
      const reply: unknown = await handler(event, ...args);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(encode(reply));
      return;
    }
    case '/window-event': {
      const target = win(body['webContentsId']);
      if (target === undefined) return json(response, 404, {});
      target.emit(String(body['name']));
      return json(response, 200, {});
    }
    case '/input': {
      // A key or click in the window: before-input-event (keys), then input-event, as Electron.
      const target = win(body['webContentsId']);
      if (target === undefined) return json(response, 404, {});
      const input = body['input'] as ReportedInput;
      inputs += 1;
      let prevented = false;
      const event = { preventDefault: () => (prevented = true) };
      if (input.type === 'keyDown') target.webContents.emit('before-input-event', event, input);
      target.webContents.emit('input-event', {}, { type: input.type });
      return json(response, 200, { prevented });
    }
    case '/guards': {
      // What main's hardening answers for this window: a new window, a navigation, a permission.
      const target = win(body['webContentsId']);
      if (target === undefined) return json(response, 404, {});
      const url = String(body['url']);
      const openHandler = target.webContents.windowOpenHandler as
        ((details: { url: string }) => { action: string }) | null;
      const navigation = (name: string) => {
        let prevented = false;
        target.webContents.emit(name, { url, preventDefault: () => (prevented = true) }, url);
        return prevented;
      };
      const permission = await new Promise<boolean>((done) => {
        const handler = registered.permissionRequest as
          | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
          | null;
        if (handler === null) return done(true);
        handler(target.webContents, String(body['permission']), done);
      });
      return json(response, 200, {
        windowOpen: openHandler?.({ url }).action ?? 'allow',
        navigationPrevented: navigation('will-navigate'),
        redirectPrevented: navigation('will-redirect'),
        permissionGranted: permission,
      });
    }
    case '/power':
      standIn.powerMonitor.emit(String(body['event']), {});
      return json(response, 200, {});
    case '/shortcut': {
      const callback = registered.globalShortcuts.get(String(body['accelerator']));
      if (callback === undefined) return json(response, 404, { error: 'not registered' });
      callback();
      return json(response, 200, {});
    }
    case '/scenario':
      Object.assign(scenario, body);
      return json(response, 200, scenario);
    case '/clock':
      clockOffsetMs += Number(body['advanceMs']);
      return json(response, 200, { offsetMs: clockOffsetMs });
    case '/quit':
      json(response, 200, {});
      standIn.app.emit('before-quit');
      (standIn.electron['app'] as { quit(): void }).quit();
      return;
    default:
      return json(response, 404, {});
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  // The bundle runs as Electron runs it: its top level now, `ready` when the test says so.
  const loadStartedAt = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle, loaded as Electron loads it
  require(mainBundle);
  process.stdout.write(
    `shell ready http://127.0.0.1:${port} ${token} ${process.pid} ${loadStartedAt}\n`,
  );
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
