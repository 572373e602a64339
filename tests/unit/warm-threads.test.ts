import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { type Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WarmThreads } from '../../electron/exchange/warm-threads';

/** A job that answers with what it was given and which thread ran it. */
const ECHO = String.raw`
const { parentPort, threadId } = require('node:worker_threads');
parentPort.postMessage({ threadId, got: workerData.value, shared: new Int32Array(workerData.cells)[0] });
`;

async function answer(worker: Worker) {
  const [message] = (await once(worker, 'message')) as [
    { threadId: number; got: string; shared: number },
  ];
  await worker.terminate();
  return message;
}

describe('threads booted ahead of a job', () => {
  const threads = new WarmThreads();
  afterEach(() => threads.release());

  it('hands a booted thread to the next job, with its data, and never twice', async () => {
    await threads.prepare(2);
    expect(threads.waiting).toBe(2);
    const cells = new SharedArrayBuffer(4);
    new Int32Array(cells)[0] = 42;

    const first = threads.run(ECHO, { value: 'uno', cells });
    expect(threads.waiting).toBe(1);
    const second = threads.run(ECHO, { value: 'dos', cells });
    expect(threads.waiting).toBe(0);
    const [a, b] = await Promise.all([answer(first), answer(second)]);
    expect([a.got, b.got]).toEqual(['uno', 'dos']);
    // Shared memory is shared, not copied: the rings between threads depend on it.
    expect([a.shared, b.shared]).toEqual([42, 42]);
    expect(a.threadId).not.toBe(b.threadId);
  });

  it('boots a thread there and then when none waits', async () => {
    expect(threads.waiting).toBe(0);
    const worker = threads.run(ECHO, { value: 'tres', cells: new SharedArrayBuffer(4) });
    const { got } = await answer(worker);
    expect(got).toBe('tres');
  });

  it('boots again after a job what it took, only while threads are wanted', async () => {
    threads.refill();
    expect(threads.waiting).toBe(0);
    await threads.prepare(2);
    const taken = [1, 2].map(() =>
      threads.run(ECHO, { value: 'x', cells: new SharedArrayBuffer(4) }),
    );
    await Promise.all(taken.map(answer));
    expect(threads.waiting).toBe(0);
    threads.refill();
    expect(threads.waiting).toBe(2);
    threads.release();
    threads.refill();
    expect(threads.waiting).toBe(0);
  });

  it('lets waiting threads go', async () => {
    await threads.prepare(2);
    threads.release();
    expect(threads.waiting).toBe(0);
  });

  it('does not keep a process alive while its threads wait', () => {
    const script = join(__dirname, 'fixtures', 'warm-threads-exit.ts');
    const started = performance.now();
    const output = execFileSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(output.trim()).toBe('booted 4');
    // Without unref the child would wait for its idle threads (minutes) and hit the timeout.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
