import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import { expect, type Page } from '@playwright/test';
import { type Call } from '../../shell/electron-stand-in';
import { type ReportedInput, decode, encode, toAppUrl, toPageUrl } from '../../shell/wire';

/**
 * The built app without Electron: `out/main/index.js` in a child process with the Electron
 * stand-in (tests/shell/run-built-main.ts), its window shown in this test's Chromium page, with
 * the built preload run by the page's stand-in. Requests for `app://resguardo/…` (shown as
 * http://app.resguardo/…) go through main's own request filter and protocol handler; the
 * preload's invokes go to main's own IPC handler, as from that window's top frame.
 */
const root = resolve(__dirname, '..', '..', '..');
const TOKEN_HEADER = 'x-resguardo-shell-token';
const READY_TIMEOUT_MS = 60_000;

export interface WindowState {
  webContentsId: number;
  options: Electron.BrowserWindowConstructorOptions;
  url: string;
  visible: boolean;
}

export interface ShellState {
  calls: Call[];
  windows: WindowState[];
  ipcChannels: string[];
  protocolSchemes: string[];
  globalShortcuts: string[];
  requestFilter: boolean;
  /** Keys and clicks the window reported to main so far. */
  inputs: number;
}

export interface ProtocolAnswer {
  cancel: boolean;
  status: number | null;
  headers: Record<string, string>;
  body: Buffer;
}

export interface BuiltApp {
  /** Every call the stand-in recorded, including those printed before an exit. */
  calls(): Call[];
  state(): Promise<ShellState>;
  /** What main answers for a URL: its request filter, then its protocol handler. */
  request(url: string, method?: string): Promise<ProtocolAnswer>;
  /** Call main's IPC handler as `sender` would (a test of the sender check). */
  invokeAs(
    sender: { webContentsId: number; url: string; top: boolean },
    channel: string,
    args: unknown[],
  ): Promise<unknown>;
  /** What main's guards answer for `url` (window.open, navigation, redirect) and a permission. */
  guards(
    url: string,
    permission: string,
  ): Promise<{
    windowOpen: string;
    navigationPrevented: boolean;
    redirectPrevented: boolean;
    permissionGranted: boolean;
  }>;
  power(event: 'suspend' | 'resume' | 'lock-screen'): Promise<void>;
  scenario(change: Record<string, unknown>): Promise<void>;
  pressGlobalShortcut(accelerator: string): Promise<number>;
  advanceClock(ms: number): Promise<void>;
  /** Electron's `ready`: main's start-up after it runs (open() does this first). */
  ready(): Promise<void>;
  /** Show main's window in `page`: routes, bindings, the preload; waits for the app to load. */
  open(page: Page): Promise<void>;
  logs(): string;
  /** The process running the main bundle. */
  pid: number;
  /** When the main bundle began to load (epoch ms). */
  loadStartedAt: number;
  exitCode(): Promise<number | null>;
  stop(): Promise<void>;
}

let builtPageScript: string | undefined;

/** The page's stand-in and the built preload after it, as one init script (built once). */
function pageScript(): string {
  builtPageScript ??= buildPageScript();
  return builtPageScript;
}

function buildPageScript(): string {
  const standIn = buildSync({
    entryPoints: [resolve(root, 'tests', 'shell', 'renderer-stand-in.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text;
  const preload = readFileSync(resolve(root, 'out', 'preload', 'index.cjs'), 'utf8');
  return `${standIn}
;(function () {
  const module = { exports: {} };
  (function (require, module, exports) {
${preload}
  })(globalThis.__standInRequire, module, module.exports);
  delete globalThis.__standInRequire;
})();`;
}

export async function startBuiltApp(options: {
  dataDir: string;
  globalShortcuts?: boolean;
  language?: string;
  /** Another bundle than out/main/index.js (a start-up failure test, say). */
  main?: string;
}): Promise<BuiltApp> {
  const args = [
    require.resolve('tsx/cli'),
    resolve(root, 'tests', 'shell', 'run-built-main.ts'),
    ...(options.globalShortcuts === false ? ['--no-global-shortcuts'] : []),
    ...(options.language === undefined ? [] : ['--language', options.language]),
    ...(options.main === undefined ? [] : ['--main', options.main]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
    // Plain log lines: the runner's FORCE_COLOR would colour main's console.log.
    env: { ...process.env, FORCE_COLOR: '0', RESGUARDO_DATA_DIR: options.dataDir },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const calls: Call[] = [];
  const ready = await waitForReady(
    child,
    calls,
    () => stderr,
    (line) => (stderr += `${line}\n`),
  );
  const { origin, token } = ready;

  async function control(path: string, body?: unknown): Promise<Response> {
    return fetch(`${origin}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
  async function post(path: string, body: unknown): Promise<unknown> {
    const response = await control(path, body);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  }
  const state = async () => (await (await control('/state')).json()) as ShellState;
  const request = async (url: string, method = 'GET'): Promise<ProtocolAnswer> => {
    const answer = (await post('/request', { url, method })) as {
      cancel: boolean;
      status: number | null;
      headers?: Record<string, string>;
      body?: string;
    };
    return {
      cancel: answer.cancel,
      status: answer.status ?? null,
      headers: answer.headers ?? {},
      body: Buffer.from(answer.body ?? '', 'base64'),
    };
  };
  const invokeAs: BuiltApp['invokeAs'] = async (sender, channel, invokeArgs) => {
    const response = await control('/ipc', { channel, args: encode(invokeArgs), sender });
    return decode(await response.text());
  };

  return {
    calls: () => calls,
    state,
    request,
    invokeAs,
    guards: async (url, permission) => {
      const webContentsId = (await state()).windows[0]!.webContentsId;
      return (await post('/guards', { webContentsId, url, permission })) as Awaited<
        ReturnType<BuiltApp['guards']>
      >;
    },
    power: async (event) => void (await post('/power', { event })),
    scenario: async (change) => void (await post('/scenario', change)),
    pressGlobalShortcut: async (accelerator) =>
      (await control('/shortcut', { accelerator })).status,
    advanceClock: async (ms) => void (await post('/clock', { advanceMs: ms })),
    logs: () => stderr,
    pid: ready.pid,
    loadStartedAt: ready.loadStartedAt,
    exitCode: () => exited,
    ready: async () => void (await post('/ready', {})),
    async open(page) {
      await post('/ready', {});
      await expect.poll(async () => (await state()).windows[0]?.url ?? '').not.toBe('');
      const win = (await state()).windows[0]!;
      const webContentsId = win.webContentsId;

      await page.route('**/*', async (route) => {
        const answer = await request(toAppUrl(route.request().url()), route.request().method());
        if (answer.cancel || answer.status === null) return route.abort('blockedbyclient');
        return route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
      });
      await page.exposeBinding('__standInIpc', async (source, message: string) => {
        const { channel, args: encoded } = JSON.parse(message) as { channel: string; args: string };
        const response = await control('/ipc', {
          channel,
          args: encoded,
          sender: {
            webContentsId,
            url: toAppUrl(source.frame.url()),
            top: source.frame === source.page.mainFrame(),
          },
        });
        return response.text();
      });
      await page.exposeBinding('__standInInput', async (_source, input: ReportedInput) => {
        await post('/input', { webContentsId, input });
      });
      await page.addInitScript({ content: pageScript() });
      void forwardEvents(page, origin, token, webContentsId);

      await page.goto(toPageUrl(win.url));
      await post('/window-event', { webContentsId, name: 'ready-to-show' });
      await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await control('/quit', {}).catch(() => undefined);
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Main's `webContents.send` reaches the page as Electron's IPC would: into the preload's listeners. */
async function forwardEvents(page: Page, origin: string, token: string, webContentsId: number) {
  const response = await fetch(`${origin}/events`, { headers: { [TOKEN_HEADER]: token } });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: '' }));
    if (done) return;
    buffered += value;
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const frame = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (!frame.startsWith('data: ')) continue;
      const message = frame.slice(6);
      const { webContentsId: target } = JSON.parse(message) as { webContentsId: number };
      if (target !== webContentsId || page.isClosed()) continue;
      await page
        .evaluate((text) => {
          const deliver = (globalThis as { __standInDeliver?: (m: string) => void })
            .__standInDeliver;
          deliver?.(text);
        }, message)
        .catch(() => undefined);
    }
  }
}

function waitForReady(
  child: ChildProcess,
  calls: Call[],
  stderr: () => string,
  appendLog: (line: string) => void,
): Promise<{ origin: string; token: string; pid: number; loadStartedAt: number }> {
  return new Promise((resolveReady, rejectReady) => {
    const timer = setTimeout(
      () => rejectReady(new Error(`shell did not start\n${stderr()}`)),
      READY_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectReady(new Error(`shell exited with ${code}\n${stderr()}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      // Main's own log lines ([resguardo] …) go to stdout too.
      if (!line.startsWith('shell-call ')) appendLog(line);
      if (line.startsWith('shell-call ')) calls.push(decode(line.slice(11)) as Call);
      const match = /^shell ready (\S+) (\S+) (\d+) (\d+)$/.exec(line);
      if (match === null) return;
      clearTimeout(timer);
      resolveReady({
        origin: match[1]!,
        token: match[2]!,
        pid: Number(match[3]),
        loadStartedAt: Number(match[4]),
      });
    });
  });
}
