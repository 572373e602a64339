import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Connection, type Row, type RunResult } from './connection';
import { logDriverCode } from './driver-log';
import { type WorkerReply, type WorkerRequest } from './signal-protocol';

/** The worker module, and a CommonJS hook to require first (tsx's, to load it as TypeScript). */
export interface SqliteWorkerRuntime {
  file: string;
  preload: string | null;
}

/**
 * From source (vitest, tsx): `signal-worker.ts` beside this file, through tsx. Bundled
 * (`out/main/`): `sqlite-worker.js` beside the bundle (electron.vite.config.ts builds it).
 */
export function sqliteWorkerRuntime(folder: string = __dirname): SqliteWorkerRuntime {
  const source = join(folder, 'signal-worker.ts');
  if (existsSync(source)) {
    const preload = createRequire(join(folder, 'noop.js')).resolve('tsx/cjs/api');
    return { file: source, preload };
  }
  return { file: join(folder, 'sqlite-worker.js'), preload: null };
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.preload) require(workerData.preload).register();
require(workerData.file);
`;

/** An error as the journeyapps driver gives it: SQLite's code on `code`, the same message shape. */
function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Buffers come back as plain Uint8Arrays after the thread hop: make them Buffers again. */
function asBuffers(row: Row): Row {
  for (const [name, value] of Object.entries(row)) {
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      row[name] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return row;
}

/**
 * `@signalapp/sqlcipher` (Windows; any platform with RESGUARDO_DB_DRIVER=signal): a synchronous
 * driver, so it runs in its own worker thread and this side only posts messages. The event loop
 * never waits on a query.
 */
export function openSignalConnection(
  file: string,
  runtime: SqliteWorkerRuntime = sqliteWorkerRuntime(),
): Promise<Connection> {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { database: file, file: runtime.file, preload: runtime.preload },
  });
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  let gone: Error | null = null;

  const failAll = (error: Error) => {
    gone ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const request = (message: WithoutId<WorkerRequest>, transfer: ArrayBuffer[] = []) => {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  };

  const connection: Connection = {
    run: async (sql, params = []) => (await request({ op: 'run', sql, params })) as RunResult,
    get: async (sql, params = []) => {
      const row = (await request({ op: 'get', sql, params })) as Row | undefined;
      return row ? asBuffers(row) : undefined;
    },
    all: async (sql, params = []) => {
      const rows = (await request({ op: 'all', sql, params })) as Row[];
      return rows.map(asBuffers);
    },
    exec: async (sql) => {
      await request({ op: 'exec', sql });
    },
    key: async (raw) => {
      // A copy moved (not cloned) to the worker, which wipes it once the pragma is built.
      const copy = new Uint8Array(raw);
      await request({ op: 'key', key: copy }, [copy.buffer]);
    },
    close: async () => {
      await request({ op: 'close' });
      await worker.terminate();
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') resolve(connection);
      else if (reply.type === 'log') logDriverCode(reply.code);
      else if (reply.type === 'done') {
        pending.get(reply.id)?.resolve(reply.value);
        pending.delete(reply.id);
      } else {
        const error = sqliteError(reply.code, reply.message);
        if (reply.id === null) {
          reject(error);
          void worker.terminate();
          return;
        }
        pending.get(reply.id)?.reject(error);
        pending.delete(reply.id);
      }
    });
    worker.on('error', (error) => {
      failAll(error);
      reject(error);
    });
    worker.on('exit', () => failAll(new Error('database worker stopped')));
  });
}
