import { hkdfSync, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { buildHeader, type AgeTarget } from './age-header';
import { ENCRYPT_WORKER_SOURCE } from './encrypt-worker-source';

/** Plaintext in flight to the worker before `write` waits: bounds memory on both threads. */
const WINDOW_BYTES = 8 * 1024 * 1024;

export interface EncryptingWriter {
  /** Resolves once the worker has room for more. */
  write(chunk: Uint8Array): Promise<void>;
  /** The part files, fsynced, under their temporary names. */
  end(): Promise<string[]>;
  /** Stop and remove whatever was written. */
  abort(): Promise<void>;
}

type FromWorker =
  | { type: 'ack'; bytes: number }
  | { type: 'done'; parts: string[]; size: number }
  | { type: 'error'; message: string };

/**
 * An age file written by a worker thread: the header is built here (scrypt on the thread pool),
 * the payload is encrypted and written in the worker so the main thread only moves bytes.
 */
export async function createEncryptingWriter(options: {
  target: AgeTarget;
  tempBase: string;
  splitSize: number;
}): Promise<EncryptingWriter> {
  const { header, fileKey } = await buildHeader(options.target);
  const nonce = randomBytes(16);
  const payloadKey = Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
  fileKey.fill(0);
  const worker = new Worker(ENCRYPT_WORKER_SOURCE, {
    eval: true,
    workerData: {
      header,
      nonce,
      payloadKey,
      tempBase: options.tempBase,
      splitSize: options.splitSize,
    },
  });
  payloadKey.fill(0);

  let inFlight = 0;
  let failure: Error | null = null;
  let parts: string[] | null = null;
  let wake: (() => void) | null = null;
  const settle = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'ack') inFlight -= message.bytes;
    else if (message.type === 'done') parts = message.parts;
    else failure = new Error(`encryption worker: ${message.message}`);
    settle();
  });
  worker.on('error', (error) => {
    failure = error;
    settle();
  });

  const waitUntil = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
  };

  return {
    async write(chunk) {
      if (failure) throw failure;
      // A copy the worker owns: the caller may reuse its buffer.
      const copy = new Uint8Array(chunk);
      inFlight += copy.length;
      worker.postMessage({ type: 'data', chunk: copy }, [copy.buffer]);
      await waitUntil(() => inFlight < WINDOW_BYTES);
    },
    async end() {
      worker.postMessage({ type: 'end' });
      await waitUntil(() => parts !== null);
      await worker.terminate();
      return parts ?? [];
    },
    async abort() {
      await worker.terminate();
      await removeParts(options.tempBase);
    },
  };
}

/** Remove `<base>.001`, `.002`, … until one is missing (the worker numbers them in order). */
export async function removeParts(base: string): Promise<void> {
  for (let index = 1; index < 10_000; index++) {
    const name = `${base}.${String(index).padStart(3, '0')}`;
    try {
      await rm(name);
    } catch {
      return;
    }
  }
}
