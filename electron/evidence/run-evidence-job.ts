import { Worker } from 'node:worker_threads';
import { EVIDENCE_WORKER_SOURCE } from './evidence-worker-source';

export type EvidenceJob =
  | { op: 'encrypt'; source: string; target: string; key: Uint8Array; fileId: string }
  | {
      op: 'decrypt';
      source: string;
      /** null: decrypt to memory (previews), refused above `maxBytes`. */
      target: string | null;
      key: Uint8Array;
      fileId: string;
      expectedSha256: string;
      maxBytes: number;
    };

export interface JobResult {
  cancelled?: boolean;
  corrupt?: boolean;
  tooLarge?: boolean;
  /** A copy read back from its drive was not what had been written. */
  notVerified?: boolean;
  sha256?: string;
  size?: number;
  // Transferred from the worker: always backed by its own ArrayBuffer.
  bytes?: Uint8Array<ArrayBuffer> | null;
}

export interface JobControl {
  /** `checking`: a copy is being read back from its drive (done and total of that pass). */
  onProgress?: (done: number, total: number, checking: boolean) => void;
  signal?: AbortSignal;
  /** Tests: the worker pauses this long after each progress report, as on a slow drive. */
  pauseMs?: number;
}

/**
 * Run one encrypt/decrypt job in its own worker thread. Cancelling sets a shared flag the worker
 * checks between chunks (it then stops and reports `cancelled`); the caller removes any partial
 * output. The key is copied into the worker and wiped there when the job ends.
 */
export function runEvidenceJob(job: EvidenceJob, control: JobControl = {}): Promise<JobResult> {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const abort = () => {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  if (control.signal?.aborted) abort();
  control.signal?.addEventListener('abort', abort, { once: true });
  return new Promise<JobResult>((resolve, reject) => {
    const worker = new Worker(EVIDENCE_WORKER_SOURCE, {
      eval: true,
      workerData: { job, cancel, pauseMs: control.pauseMs ?? 0 },
    });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      control.signal?.removeEventListener('abort', abort);
      action();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        control.onProgress?.(message.done, message.total, message.checking);
      } else if (message.type === 'result') finish(() => resolve(message.result));
      else {
        const error = Object.assign(
          new Error(`evidence worker: ${message.message}`),
          message.errno,
        );
        finish(() => reject(error));
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`evidence worker exited early (${code})`))),
    );
  });
}

type WorkerMessage =
  | { type: 'progress'; done: number; total: number; checking: boolean }
  | { type: 'result'; result: JobResult }
  | {
      type: 'failed';
      message: string;
      errno: { code: string; syscall?: string; path?: string } | null;
    };
