import { open, type FileHandle } from 'node:fs/promises';
import { releaseFlow } from './worker-group';

/** Bring a part's written bytes to the disk. */
export type SyncPart = (handle: FileHandle) => Promise<void>;

/**
 * Flushes the part files the seal thread writes, on this thread's pool. The seal thread's loop
 * never yields (it blocks on its ring), so a flush it started itself could never report back;
 * it asks here instead, one request per stretch written, and waits on `flow` before running
 * more than one stretch ahead of the disk. So the disk works while the threads encrypt, a slow
 * stick slows the export (and its progress bar) instead of piling up a long final fsync, and
 * little is left to write when the part is closed.
 */
export class PartFlusher {
  private readonly handles = new Map<string, FileHandle>();
  private queue = Promise.resolve();

  constructor(
    private readonly flow: SharedArrayBuffer,
    private readonly onError: (error: Error) => void,
    private readonly sync: SyncPart = (handle) => handle.datasync(),
  ) {}

  /** Flush `path`, then give back the `bytes` the seal thread reserved for it. */
  request(path: string, bytes: number): void {
    this.queue = this.queue.then(async () => {
      try {
        let handle = this.handles.get(path);
        if (!handle) {
          // Read-write: Windows flushes only a handle that may write.
          handle = await open(path, 'r+');
          this.handles.set(path, handle);
        }
        await this.sync(handle);
      } catch (error) {
        this.onError(error instanceof Error ? error : new Error(String(error)));
      } finally {
        releaseFlow(this.flow, bytes);
      }
    });
  }

  /** Wait for the flushes asked for, then close the handles (before parts are renamed or removed). */
  async close(): Promise<void> {
    await this.queue;
    const handles = [...this.handles.values()];
    this.handles.clear();
    await Promise.all(handles.map((handle) => handle.close()));
  }
}
