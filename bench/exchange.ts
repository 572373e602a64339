import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceFile } from '../electron/evidence/evidence-paths';
import { storeEvidence } from '../electron/evidence/evidence-store';
import { DEFAULT_LIMITS } from '../electron/exchange/archive-sink';
import { readThroughThreads } from '../electron/exchange/decrypt-threads';
import { type EvidenceBlob } from '../electron/exchange/exchange-records';
import { exportToFile } from '../electron/exchange/export-file';
import { discardVerified, readExport } from '../electron/exchange/import-reader';
import { fingerprintOf } from '../electron/office/office-card';
import { generateOfficeKeys } from '../electron/office/office-keys';
import { type PrintFigure } from './print';

const SIZE = 256 * 1024 * 1024;
const MB = 1e6;

/**
 * The evidence set: 8 items of 32 MiB of random bytes, taken into a vault's evidence folder as
 * an intake would (encrypted under a key each), and the same bytes as one plain file for the CLI.
 */
async function makeEvidence(dir: string) {
  const plain = join(dir, 'all');
  const handle = await open(plain, 'w');
  const blobs: EvidenceBlob[] = [];
  for (let i = 0; i < 8; i++) {
    const item = join(dir, `e${i}`);
    const bytes = randomBytes(SIZE / 8);
    await writeFile(item, bytes);
    await handle.write(bytes);
    const stored = await storeEvidence(dir, item);
    await rm(item);
    blobs.push({
      sha256: stored.sha256,
      size: stored.size,
      source: {
        kind: 'vault',
        path: evidenceFile(dir, stored.fileId),
        fileId: stored.fileId,
        key: stored.fileKey,
        size: stored.size,
      },
    });
  }
  await handle.close();
  return { blobs, plain };
}

async function measure<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  return { value, seconds, peak };
}

/** Export and import of 256 MiB of evidence, beside the age CLI on the same bytes. */
export async function benchExchange(print: PrintFigure): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'resguardo-bench-exchange-'));
  try {
    const { blobs, plain: all } = await makeEvidence(dir);
    const keys = await generateOfficeKeys();
    const out = join(dir, 'out');
    await mkdir(out);
    const source = {
      async *records() {},
      evidence: async () => blobs,
    };
    const exported = await measure(() =>
      exportToFile({
        source,
        keys,
        target: { recipients: [keys.ageRecipient] },
        verifyKey: { identity: keys.ageIdentity },
        folder: out,
        fields: {
          exportId: crypto.randomUUID(),
          createdAt: new Date().toISOString(),
          sender: {
            name: 'bench',
            fingerprint: fingerprintOf(keys),
            ageRecipient: keys.ageRecipient,
            signingPublic: keys.signingPublic,
          },
          sequence: 1,
          recipients: [],
        },
      }),
    );
    // The export decrypts each vault item, encrypts the archive, and reads the file back.
    print('exchange.export.throughput', SIZE / MB / exported.seconds, 'MB/s');
    print('exchange.export.peak_rss', exported.peak / 1024 / 1024, 'MiB');
    const spool = join(dir, 'spool');
    await mkdir(spool);
    const imported = await measure(() =>
      readExport(exported.value.paths, { identity: keys.ageIdentity }, spool, DEFAULT_LIMITS),
    );
    const copy = imported.value.copy!;
    const wanted = Object.fromEntries(blobs.map((b) => [b.sha256, 1]));
    const store = join(dir, 'store');
    await mkdir(store);
    // The apply pass: the checked copy read again, each item encrypted under a fresh key.
    const applied = await measure(() =>
      readThroughThreads(
        { paths: [copy.path], ...copy },
        { smallMax: 0, store: { folder: store, wanted } },
        () => undefined,
      ),
    );
    await discardVerified(imported.value);

    print('exchange.import.throughput', SIZE / MB / imported.seconds, 'MB/s');
    print('exchange.import.peak_rss', imported.peak / 1024 / 1024, 'MiB');
    print('exchange.import.apply.throughput', SIZE / MB / applied.seconds, 'MB/s');
    print('exchange.import.apply.peak_rss', applied.peak / 1024 / 1024, 'MiB');

    const keyFile = join(dir, 'key.txt');
    await writeFile(keyFile, `${keys.ageIdentity}\n`);
    const cliEncrypt = await measure(async () =>
      execFileSync('age', ['-r', keys.ageRecipient, '-o', `${all}.age`, all]),
    );
    const cliDecrypt = await measure(async () =>
      execFileSync('sh', ['-c', `age -d -i ${keyFile} ${all}.age > /dev/null`]),
    );
    const cliEnc = (await stat(all)).size / MB / cliEncrypt.seconds;
    const cliDec = SIZE / MB / cliDecrypt.seconds;
    print('exchange.age_cli.encrypt.throughput', cliEnc, 'MB/s');
    print('exchange.age_cli.decrypt.throughput', cliDec, 'MB/s');
    print('exchange.export.ratio_to_cli', SIZE / MB / exported.seconds / cliEnc, 'x');
    print('exchange.import.ratio_to_cli', SIZE / MB / imported.seconds / cliDec, 'x');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
