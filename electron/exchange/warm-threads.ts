import { once } from 'node:events';
import { type Transferable, Worker } from 'node:worker_threads';
import { SODIUM_JS } from './worker-snippets';

/**
 * A thread that has booted (its own V8 isolate and Node, ~25 ms of CPU each) and waits for the
 * job to run: the first message names a worker source and its `workerData`, and the source runs
 * as a function of `workerData` (see the sources: they read it from that parameter). One job
 * per thread; a thread is never handed out twice. libsodium loads with the thread (~10 ms), so
 * a job's SODIUM_JS finds it in the require cache.
 */
const BOOT_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
${SODIUM_JS}
parentPort.once('message', ({ source, workerData }) => {
  new Function('require', 'workerData', source)(require, workerData);
});
`;

/**
 * The threads one job takes (each runs one source and ends): four. An export runs two writers,
 * then two readers for its read-back; an import two for its check, then two for its apply pass.
 */
export const JOB_THREADS = 4;

/** How long booted threads wait for a job before they are let go (their memory freed). */
const IDLE_MS = 3 * 60 * 1000;

/**
 * Threads booted ahead of a job. The handoff screen asks for them when it opens
 * (`exchange.prepare`), so an export or an import the user then starts does not wait for
 * threads to boot. A job takes a booted thread when one waits, else boots one there and then:
 * the result is the same, only later.
 */
export class WarmThreads {
  private readonly idle = new Set<Worker>();
  private idleTimer: NodeJS.Timeout | null = null;
  private wanted = 0;

  /**
   * Boot threads until `count` wait; resolves once they run (a job may take them sooner).
   * They are let go after a while unused.
   */
  async prepare(count: number): Promise<void> {
    this.wanted = count;
    const booting: Promise<unknown>[] = [];
    while (this.idle.size < count) {
      const worker = this.boot();
      this.idle.add(worker);
      booting.push(once(worker, 'online'));
    }
    this.idleTimer?.refresh();
    this.idleTimer ??= setTimeout(() => this.release(), IDLE_MS).unref();
    await Promise.all(booting);
  }

  /**
   * After a job: boot again what it took, while threads are wanted (the handoff screen asked
   * for them within the last minutes), so a second export in a row starts at once too.
   */
  refill(): void {
    if (this.idleTimer === null) return;
    this.prepare(this.wanted).catch(() => undefined);
  }

  /** A thread running `source` with `workerData` (booted now when none waits). */
  run(source: string, workerData: unknown, transfer: readonly Transferable[] = []): Worker {
    const [waiting] = this.idle;
    let worker: Worker;
    if (waiting) {
      this.idle.delete(waiting);
      worker = waiting;
    } else worker = this.boot();
    worker.ref();
    worker.postMessage({ source, workerData }, [...transfer]);
    return worker;
  }

  /** Let every waiting thread go. */
  release(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    for (const worker of this.idle) void worker.terminate();
    this.idle.clear();
  }

  get waiting(): number {
    return this.idle.size;
  }

  private boot(): Worker {
    const worker = new Worker(BOOT_SOURCE, { eval: true });
    // Once booted, a waiting thread does not keep the process alive; one that ends is no
    // longer offered.
    worker.once('online', () => {
      if (this.idle.has(worker)) worker.unref();
    });
    worker.once('exit', () => this.idle.delete(worker));
    worker.once('error', () => this.idle.delete(worker));
    return worker;
  }
}

/** The process's booted threads: shared by exports, imports and read-backs. */
export const warmThreads = new WarmThreads();
