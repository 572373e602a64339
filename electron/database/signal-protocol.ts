import { type SqlValue } from './connection';

/** Messages between signal-connection.ts (main) and signal-worker.ts (the worker thread). */
export type WorkerRequest =
  | { id: number; op: 'run' | 'get' | 'all'; sql: string; params: readonly SqlValue[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'key'; key: Uint8Array }
  | { id: number; op: 'close' };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'log'; code: string }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number | null; code: string; message: string };

/** The worker's data: which file to open. */
export interface WorkerStart {
  database: string;
}
