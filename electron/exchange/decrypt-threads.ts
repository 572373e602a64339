import { type FileHandle } from 'node:fs/promises';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { closeAll, openRegularFiles } from '../files/regular-file';
import { AppFailure } from '../../shared/errors';
import { ENTRIES_WORKER_SOURCE, OPEN_WORKER_SOURCE } from './decrypt-worker-source';
import { releaseFlow, WorkerGroup } from './worker-group';

export interface OpenedFile {
  paths: readonly string[];
  /** Derived from the header's file key (age-reader.ts openHeader); not wiped here. */
  payloadKey: Buffer;
  payloadStart: number;
}

export type EntryMessage =
  | { type: 'header'; block: Uint8Array }
  | { type: 'data'; bytes: Uint8Array }
  | { type: 'end'; sha256: string; size: number }
  | { type: 'stored'; sha256: string; items: { fileId: string; key: Uint8Array }[] };

export interface ReadOptions {
  /** Checking: forward small entries (at most this size) to `onEntry`; storing: see below. */
  smallMax: number;
  /** Storing pass: encrypt each wanted evidence entry (SHA-256 → copies) into `folder`. */
  store?: { folder: string; wanted: Record<string, number> };
  /** Copy the file as it is read (still encrypted) to this new path. */
  copyPath?: string | null;
  onBytes?: (bytes: number) => void;
  signal?: AbortSignal;
  /** Tests only: pause after every 4 MiB read (a slow stick), to watch progress and cancel. */
  readPauseMs?: number;
}

type OpenMessage = { type: 'progress'; bytes: number } | { type: 'done' };
type EntriesMessage = EntryMessage | { type: 'finished' };

/**
 * Free a chunk main was handed, now: V8 would collect it only after tens of MiB of them, and a
 * large import hands main hundreds (its records entries, each pass). Transferred to a closed
 * port, its memory goes with the message (as discarder-source.ts does in the threads).
 */
let closedPort: MessagePort | null = null;

function drop(view: Uint8Array): void {
  const { buffer } = view;
  if (!(buffer instanceof ArrayBuffer) || view.byteOffset !== 0) return;
  if (buffer.byteLength !== view.byteLength || buffer.byteLength === 0) return;
  if (!closedPort) {
    closedPort = new MessageChannel().port1;
    closedPort.close();
  }
  closedPort.postMessage(null, [buffer]);
}

/**
 * Read an age file through two threads (decrypt-worker-source.ts) and hand the entries
 * thread's messages to `onEntry` one at a time, in order (a data message's bytes are freed
 * once it returns: copy what is kept). Resolves when the whole file was
 * read, every chunk authenticated and the archive ended cleanly — only then may the caller
 * act on what it received. The first failure (of a thread or of `onEntry`) stops both threads.
 * `file` may still be opening (its header read and unwrapped): the threads boot meanwhile, and
 * a failure to open stops them.
 */
export async function readThroughThreads(
  file: OpenedFile | Promise<OpenedFile>,
  options: ReadOptions,
  onEntry: (message: EntryMessage) => Promise<void> | void,
): Promise<void> {
  if (options.signal?.aborted) throw new AppFailure('cancelled');
  const group = new WorkerGroup();
  // Opened chunks, open thread → entries thread; bytes in flight between them.
  const { port1, port2 } = new MessageChannel();
  const flow = group.newFlow();
  const mainFlow = group.newFlow();
  let opened = false;
  let finished = false;
  let queue = Promise.resolve();
  let queued = 0;
  let handles: FileHandle[] = [];
  const stop = () => void group.stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    group.start<EntriesMessage>(
      ENTRIES_WORKER_SOURCE,
      {
        port: port2,
        flow,
        mainFlow,
        smallMax: options.smallMax,
        store: options.store ?? null,
      },
      (message) => {
        if (message.type === 'finished') {
          finished = true;
          return;
        }
        queued += 1;
        queue = queue.then(async () => {
          try {
            if (!group.failed) await onEntry(message);
          } catch (error) {
            group.fail(error instanceof Error ? error : new Error(String(error)));
          } finally {
            if (message.type === 'data') {
              releaseFlow(mainFlow, message.bytes.byteLength);
              drop(message.bytes);
            }
            queued -= 1;
            group.notify();
          }
        });
      },
      [port2],
    );
    const open = group.start<OpenMessage>(
      OPEN_WORKER_SOURCE,
      {
        copyPath: options.copyPath ?? null,
        port: port1,
        flow,
        readPauseMs: options.readPauseMs ?? 0,
      },
      (message) => {
        if (message.type === 'progress') options.onBytes?.(message.bytes);
        else opened = true;
      },
      [port1],
    );
    const { paths, payloadKey, payloadStart } = await file;
    // Refused before a byte is read unless every part is a regular file (a FIFO would block
    // the thread for good); the thread reads these very descriptors, not the names again.
    handles = await openRegularFiles(paths);
    open.postMessage({ fds: handles.map((handle) => handle.fd), payloadKey, payloadStart });
    await group.until(() => opened && finished && queued === 0);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await group.stop();
    await closeAll(handles);
  }
}
