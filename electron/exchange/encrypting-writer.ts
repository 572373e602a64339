import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { buildHeader, type AgeTarget } from './age-header';
import { FEED_WORKER_SOURCE, SEAL_WORKER_SOURCE } from './encrypt-worker-source';
import { hkdfSha256 } from '../crypto/hkdf';
import { writeFailure } from '../files/io-failure';
import { type EvidenceSource } from './exchange-records';
import { PartFlusher, type SyncPart } from './part-flusher';
import { partName } from './part-files';
import { WorkerGroup } from './worker-group';

/** Plaintext in flight from the main thread before `write` waits: bounds memory on all threads. */
const WINDOW_BYTES = 8 * 1024 * 1024;
/**
 * Of every 8 age chunks, how many the feed thread seals itself (the seal thread does the rest
 * and the writing): with vault evidence the feed also decrypts, so it takes few.
 */
const FEED_SHARE = 1;
/** Age chunks between the two threads: 128 slots, 8 MiB of shared memory. */
const RING_SLOTS = 128;

export interface WrittenFile {
  /** The part files, fsynced, under their temporary names. */
  parts: string[];
  size: number;
}

export interface EncryptingWriter {
  /**
   * For the read-back check (read-back.ts): the file's first bytes (the age header and the
   * payload nonce), and the key every chunk after them is sealed under (zeroed by `abort`, or
   * by the caller once the check is done).
   */
  readonly header: Buffer;
  readonly payloadKey: Buffer;
  /** Resolves once the threads have room for more. */
  write(chunk: Uint8Array): Promise<void>;
  /** Stream one evidence item into the archive, read and decrypted by the feed thread. */
  writeEvidence(source: EvidenceSource, onBytes?: (bytes: number) => void): Promise<void>;
  end(): Promise<WrittenFile>;
  /** Stop and remove whatever was written. */
  abort(): Promise<void>;
}

type FeedMessage =
  { type: 'ack'; bytes: number } | { type: 'progress'; bytes: number } | { type: 'evidenceDone' };
type SealMessage =
  ({ type: 'done' } & WrittenFile) | { type: 'flush'; path: string; bytes: number };

/**
 * An age file written by two worker threads (encrypt-worker-source.ts): the header is built
 * here (scrypt on the thread pool), the payload is encrypted and written off the main thread,
 * which only hands over the archive's small parts and says where each evidence item lies.
 */
export async function createEncryptingWriter(options: {
  target: AgeTarget;
  tempBase: string;
  splitSize: number;
  /** How a part is flushed while written (tests slow it down). */
  syncPart?: SyncPart;
}): Promise<EncryptingWriter> {
  const { header, fileKey } = await buildHeader(options.target);
  const nonce = randomBytes(16);
  const payloadKey = hkdfSha256(fileKey, nonce, 'payload', 32);
  fileKey.fill(0);
  const group = new WorkerGroup();
  // A slot holds one chunk, sealed in place (its tag after it).
  const ring = group.newRing(RING_SLOTS, 64 * 1024 + 16);
  const diskFlow = group.newFlow();
  const flusher = new PartFlusher(
    diskFlow,
    (error) => group.fail(writeFailure(error) ?? error),
    options.syncPart,
  );
  let written: WrittenFile | null = null;
  group.start<SealMessage>(
    SEAL_WORKER_SOURCE,
    {
      header,
      nonce,
      payloadKey,
      tempBase: options.tempBase,
      splitSize: options.splitSize,
      ring,
      slots: RING_SLOTS,
      diskFlow,
    },
    (message) => {
      if (message.type === 'flush') flusher.request(message.path, message.bytes);
      else written = { parts: message.parts, size: message.size };
    },
  );
  let inFlight = 0;
  let evidenceDone = false;
  let onEvidenceBytes: ((bytes: number) => void) | undefined;
  const feed = group.start<FeedMessage>(
    FEED_WORKER_SOURCE,
    {
      payloadKey,
      ring,
      slots: RING_SLOTS,
      share: FEED_SHARE,
    },
    (message) => {
      if (message.type === 'ack') inFlight -= message.bytes;
      else if (message.type === 'progress') onEvidenceBytes?.(message.bytes);
      else evidenceDone = true;
    },
  );
  return {
    header: Buffer.concat([header, nonce]),
    payloadKey,
    async write(chunk) {
      if (group.failed) throw group.failed;
      // A copy the worker owns: the caller may reuse its buffer.
      const copy = new Uint8Array(chunk);
      inFlight += copy.length;
      feed.postMessage({ type: 'data', chunk: copy }, [copy.buffer]);
      await group.until(() => inFlight < WINDOW_BYTES);
    },
    async writeEvidence(source, onBytes) {
      evidenceDone = false;
      onEvidenceBytes = onBytes;
      feed.postMessage({ type: 'evidence', source });
      await group.until(() => evidenceDone);
      onEvidenceBytes = undefined;
    },
    async end() {
      feed.postMessage({ type: 'end' });
      await group.until(() => written !== null);
      await flusher.close();
      await group.stop();
      return written!;
    },
    async abort() {
      payloadKey.fill(0);
      await group.stop();
      await flusher.close();
      await removeParts(options.tempBase);
    },
  };
}

/** Remove `<base>.001`, `.002`, … until one is missing (the worker numbers them in order). */
export async function removeParts(base: string): Promise<void> {
  for (let index = 1; index < 10_000; index++) {
    try {
      await rm(partName(base, index));
    } catch {
      return;
    }
  }
}
