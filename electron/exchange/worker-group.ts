import { type Transferable, type Worker } from 'node:worker_threads';
import { AppFailure, type ErrorCode } from '../../shared/errors';
import { warmThreads } from './warm-threads';

/** What every exchange worker may post besides its own messages. */
export type WorkerFailure = { type: 'error'; code: ErrorCode | null; message: string };

/**
 * The threads of one exchange job, seen from the main thread: started together, stopped
 * together, and the first failure of any of them fails the job. `until` lets the main thread
 * wait on a condition that worker messages change, without polling.
 */
export class WorkerGroup {
  private failure: Error | null = null;
  private stopped = false;
  private readonly waiting = new Set<() => void>();
  private readonly workers: Worker[] = [];
  /** Shared control cells (see RING_JS) and which of them tells the threads to stop. */
  private readonly stops: { cells: Int32Array; index: number }[] = [];

  /** Bytes in flight to the main thread (flowOf in RING_JS). */
  newFlow(): SharedArrayBuffer {
    const shared = new SharedArrayBuffer(8);
    this.stops.push({ cells: new Int32Array(shared), index: 1 });
    return shared;
  }

  /** A ring of `slots` slots of `slotSize` bytes between two threads (ringOf in RING_JS). */
  newRing(slots: number, slotSize: number): SharedArrayBuffer {
    const shared = new SharedArrayBuffer(16 + slots * 8 + slots * slotSize);
    this.stops.push({ cells: new Int32Array(shared, 0, 4), index: 2 });
    return shared;
  }

  /** Run `source` (a worker source reading `workerData`) on a thread, booted ahead if one waits. */
  start<M extends { type: string }>(
    source: string,
    workerData: unknown,
    onMessage: (message: M) => void,
    /** What in `workerData` moves to the thread rather than being copied (message ports). */
    transfer: readonly Transferable[] = [],
  ): Worker {
    const worker = warmThreads.run(source, workerData, transfer);
    let ended = false;
    worker.on('message', (message: M | WorkerFailure) => {
      if (message.type === 'done' || message.type === 'finished') ended = true;
      if (message.type === 'error') {
        const failure = message as WorkerFailure;
        this.fail(failure.code ? new AppFailure(failure.code) : new Error(failure.message));
      } else onMessage(message as M);
      this.notify();
    });
    worker.on('error', (error) => this.fail(error));
    // A thread that finished its work may end on its own, after its last message ('done' or
    // 'finished', delivered before 'exit'); any other end is a crash, never waited on.
    worker.on('exit', (code) => {
      if (!this.stopped && (code !== 0 || !ended)) {
        this.fail(new Error(`exchange worker exited (${code})`));
      }
    });
    this.workers.push(worker);
    return worker;
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  get failed(): Error | null {
    return this.failure;
  }

  notify(): void {
    for (const resume of [...this.waiting]) resume();
  }

  /** Resolves once `ready()` holds; rejects with the first failure. */
  async until(ready: () => boolean): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (ready()) return;
      await new Promise<void>((resolve) => {
        const resume = () => {
          this.waiting.delete(resume);
          resolve();
        };
        this.waiting.add(resume);
      });
    }
  }

  /** Stop every thread (those blocked on flow control wake up and leave) and wait for it. */
  async stop(): Promise<void> {
    this.stopped = true;
    // Anything still waiting on these threads (a cancelled job) gives up now.
    this.fail(new AppFailure('cancelled'));
    for (const { cells, index } of this.stops) {
      Atomics.store(cells, index, 1);
      // Wake every thread blocked on these cells, whichever one it waits on.
      for (let cell = 0; cell < cells.length; cell++) Atomics.notify(cells, cell);
    }
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The consumer's side of a flow: give back bytes the producer reserved. */
export function releaseFlow(shared: SharedArrayBuffer, bytes: number): void {
  const cells = new Int32Array(shared);
  Atomics.sub(cells, 0, bytes);
  Atomics.notify(cells, 0);
}
