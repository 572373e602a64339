import { parentPort, workerData } from 'node:worker_threads';
import { Database, setLogger, type NativeParameters } from '@signalapp/sqlcipher';
import { type SqlValue } from './connection';
import { type WorkerReply, type WorkerRequest, type WorkerStart } from './signal-protocol';

/**
 * The worker thread that holds a `@signalapp/sqlcipher` connection: its API is synchronous, so
 * it runs here and never on the main process's event loop. One request at a time, in order.
 * Bundled by electron-vite as `out/main/sqlite-worker.js`; from source loaded through tsx.
 */
const port = parentPort;
if (!port) throw new Error('signal-worker runs only as a worker thread');
const start = workerData as WorkerStart;
const send = (reply: WorkerReply) => port.postMessage(reply);

// The message quotes the statement: only the result code leaves this thread.
// SQLITE_SCHEMA only says a statement was prepared again after a schema change: not news.
setLogger((code) => {
  if (code !== 'SQLITE_SCHEMA') send({ type: 'log', code });
});

const CACHE_LIMIT = 100;
const statements = new Map<string, ReturnType<Database['prepare']>>();
let db: Database | undefined;

try {
  db = new Database(start.database);
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', id: null, ...describe(error) });
}

port.on('message', (request: WorkerRequest) => {
  try {
    send({ type: 'done', id: request.id, value: answer(request) });
  } catch (error) {
    send({ type: 'failed', id: request.id, ...describe(error) });
  }
  if (request.op === 'close') port.close();
});

function answer(request: WorkerRequest): unknown {
  if (!db) throw new Error('database not open');
  switch (request.op) {
    case 'exec':
      db.exec(request.sql);
      return null;
    case 'key': {
      const hex = Buffer.from(request.key).toString('hex');
      request.key.fill(0);
      // Hex of our own random bytes, never user input: safe to inline (PRAGMA takes no parameters).
      db.exec(`PRAGMA key = "x'${hex}'"`);
      return null;
    }
    case 'run': {
      const result = bind(db, request.sql, request.params, (prepared, params) =>
        prepared.run(params),
      );
      return { lastId: Number(result.lastInsertRowid), changes: result.changes };
    }
    case 'get':
      return bind(db, request.sql, request.params, (prepared, params) => prepared.get(params));
    case 'all':
      return bind(db, request.sql, request.params, (prepared, params) => prepared.all(params));
    case 'close':
      for (const prepared of statements.values()) prepared.close();
      statements.clear();
      db.close();
      db = undefined;
      return null;
  }
}

type Prepared = ReturnType<Database['prepare']>;
type Params = NativeParameters<object> | Record<string, NativeParameters<object>[number]>;

/** SQL texts with numbered placeholders (`?1`), which this driver binds from an object only. */
const numbered = new Set<string>();

/**
 * Bind the array as journeyapps does: `?1`, `?2`… are the array's first, second… value. This
 * driver refuses an array for numbered placeholders, so those get `{ 1: …, 2: … }`, learnt on
 * the first refusal and remembered per statement.
 */
function bind<T>(
  open: Database,
  sql: string,
  values: readonly SqlValue[],
  use: (prepared: Prepared, params: Params) => T,
): T {
  const prepared = statement(open, sql);
  const native = toNative(values);
  const asObject = () => Object.fromEntries(native.map((value, i) => [String(i + 1), value]));
  if (numbered.has(sql)) return use(prepared, asObject());
  try {
    return use(prepared, native);
  } catch (error) {
    if (!(error instanceof TypeError) || !/object of named params/.test(error.message)) throw error;
    numbered.add(sql);
    return use(prepared, asObject());
  }
}

/** Prepared statements by SQL text, most recently used last (as statement-cache.ts). */
function statement(open: Database, sql: string): Prepared {
  const cached = statements.get(sql);
  if (cached) {
    statements.delete(sql);
    statements.set(sql, cached);
    return cached;
  }
  const prepared = open.prepare(sql);
  statements.set(sql, prepared);
  for (const [oldest, old] of statements) {
    if (statements.size <= CACHE_LIMIT) break;
    statements.delete(oldest);
    old.close();
  }
  return prepared;
}

/** Buffers arrive as plain Uint8Arrays after the thread hop, as the driver takes them. */
function toNative(params: readonly SqlValue[]): NativeParameters<object> {
  return params.map((value) => {
    if (typeof value === 'bigint') {
      if (!Number.isSafeInteger(Number(value))) throw new RangeError('integer out of range');
      return Number(value);
    }
    return value as string | number | null | Uint8Array<ArrayBuffer>;
  });
}

/** `sqlite error(SQLITE_FULL): database or disk is full` → journeyapps' `SQLITE_FULL: …`. */
function describe(error: unknown): { code: string; message: string } {
  const code =
    error instanceof Error && typeof Reflect.get(error, 'code') === 'string'
      ? String(Reflect.get(error, 'code'))
      : 'SQLITE_ERROR';
  const text = error instanceof Error ? error.message : String(error);
  return { code, message: `${code}: ${text.replace(/^sqlite error\([A-Z_]+\): /, '')}` };
}
