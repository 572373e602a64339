import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(__dirname, '..', '..', '..');
const TOKEN_HEADER = 'x-resguardo-test-token';
const READY_TIMEOUT_MS = 60_000;

/** A test host running in its own process (`tests/host/main.ts` under tsx). */
export interface HostProcess {
  url: string;
  origin: string;
  /** What the host wrote on stderr (core logs), for failure reports. */
  logs(): string;
  setIdleSeconds(seconds: number): Promise<void>;
  clipboard(): Promise<string>;
  /** What the fake native file dialogs answer next: files to attach, where to save a copy. */
  setDialogs(answers: {
    openPaths: string[];
    savePath: string | null;
    /** Folder an export goes to; file an import (card or export) reads. */
    folder?: string | null;
    importPath?: string | null;
  }): Promise<void>;
  /** Folders standing in for removable drives, as main would detect them. */
  setDrives(drives: { label: string; path: string }[]): Promise<void>;
  /** Call one operation of the contract directly (seeding data), as the page would. */
  ipc(operation: string, input: unknown): Promise<unknown>;
  /** The events the core emitted so far, oldest first. */
  events(): Promise<{ event: string; payload: unknown }[]>;
  stop(): Promise<void>;
}

export async function startHostProcess(options: {
  dataDir: string;
  language?: 'es' | 'en';
  /** Each flush of an export waits this long, as on a slow stick. */
  slowDriveMs?: number;
  /** An import's reading pauses this long after every 4 MiB, as from a slow stick. */
  slowReadMs?: number;
  /** A copy of evidence pauses this long after every 4 MiB written, as on a slow stick. */
  slowCopyMs?: number;
  /** The SQLCipher driver; by default RESGUARDO_DB_DRIVER as inherited, else the platform's. */
  dbDriver?: 'journeyapps' | 'signal';
}): Promise<HostProcess> {
  const args = [
    require.resolve('tsx/cli'),
    resolve(root, 'tests', 'host', 'main.ts'),
    '--data',
    options.dataDir,
    '--fast-kdf',
    '--exit-on-stdin-close',
    ...(options.language === undefined ? [] : ['--language', options.language]),
    ...(options.slowDriveMs === undefined ? [] : ['--slow-drive-ms', String(options.slowDriveMs)]),
    ...(options.slowReadMs === undefined ? [] : ['--slow-read-ms', String(options.slowReadMs)]),
    ...(options.slowCopyMs === undefined ? [] : ['--slow-copy-ms', String(options.slowCopyMs)]),
    ...(options.dbDriver === undefined ? [] : ['--db-driver', options.dbDriver]),
    // The copy of out/renderer that global-setup took for this run.
    ...(process.env.RESGUARDO_E2E_RENDERER === undefined
      ? []
      : ['--renderer', process.env.RESGUARDO_E2E_RENDERER]),
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  const url = await waitForReadyLine(child, () => stderr);
  // A run meant for one SQLCipher driver must really be on it (tests/host/main.ts says which).
  const driver = options.dbDriver ?? process.env['RESGUARDO_DB_DRIVER'];
  const said = `test-host database driver ${driver}\n`;
  // stderr and stdout are separate pipes: the line written first may arrive second.
  for (let waited = 0; driver && !stderr.includes(said) && waited < 5000; waited += 50) {
    await new Promise((done) => setTimeout(done, 50));
  }
  if (driver && !stderr.includes(said)) {
    child.kill();
    throw new Error(`test host is not on the ${driver} database driver:\n${stderr}`);
  }
  const parsed = new URL(url);
  const origin = parsed.origin;
  const token = parsed.searchParams.get('token') ?? '';

  async function control(path: string, init: RequestInit = {}): Promise<unknown> {
    const response = await fetch(`${origin}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  }

  return {
    url,
    origin,
    logs: () => stderr,
    async setIdleSeconds(seconds) {
      await control('/__test/idle', { method: 'POST', body: JSON.stringify({ seconds }) });
    },
    async setDialogs(answers) {
      await control('/__test/dialogs', { method: 'POST', body: JSON.stringify(answers) });
    },
    async setDrives(drives) {
      await control('/__test/drives', { method: 'POST', body: JSON.stringify({ drives }) });
    },
    async ipc(operation, input) {
      const reply = (await control('/__ipc', {
        method: 'POST',
        body: JSON.stringify({ operation, input }),
      })) as { ok: boolean; value?: unknown; error?: unknown };
      if (!reply.ok) throw new Error(`${operation}: ${JSON.stringify(reply.error)}`);
      return reply.value;
    },
    async clipboard() {
      const body = (await control('/__test/clipboard')) as { text: string };
      return body.text;
    },
    async events() {
      const body = (await control('/__test/events')) as {
        events: { event: string; payload: unknown }[];
      };
      return body.events;
    },
    stop: () => stopChild(child),
  };
}

function waitForReadyLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolveReady, rejectReady) => {
    const lines = createInterface({ input: child.stdout! });
    const fail = (why: string) => {
      clearTimeout(timer);
      rejectReady(new Error(`test host did not start: ${why}\n${stderr()}`));
    };
    const timer = setTimeout(() => fail('timed out'), READY_TIMEOUT_MS);
    child.once('exit', (code) => fail(`exited with ${code}`));
    child.once('error', (error) => fail(error.message));
    lines.on('line', (line) => {
      const match = /^test-host ready (\S+)$/.exec(line);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolveReady(match[1]);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
