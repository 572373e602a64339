import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../electron/exchange/archive-sink';
import { exportToFile } from '../electron/exchange/export-file';
import { discardVerified, readExport } from '../electron/exchange/import-reader';
import { fingerprintOf } from '../electron/office/office-card';
import { generateOfficeKeys } from '../electron/office/office-keys';
import { type PrintFigure } from './print';

const SIZE = 256 * 1024 * 1024;
const MB = 1e6;

/** The evidence set: 8 files of 32 MiB of random bytes, written once. */
async function makeEvidence(dir: string) {
  const files: { path: string; sha256: string; size: number }[] = [];
  for (let i = 0; i < 8; i++) {
    const path = join(dir, `e${i}`);
    const handle = await open(path, 'w');
    const hash = createHash('sha256');
    for (let written = 0; written < SIZE / 8; written += 4 * 1024 * 1024) {
      const chunk = randomBytes(4 * 1024 * 1024);
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.close();
    files.push({ path, sha256: hash.digest('hex'), size: SIZE / 8 });
  }
  return files;
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
    const files = await makeEvidence(dir);
    const keys = await generateOfficeKeys();
    const out = join(dir, 'out');
    await mkdir(out);
    const source = {
      async *records() {},
      evidence: async () =>
        files.map((f) => ({
          sha256: f.sha256,
          size: f.size,
          open: () => createReadStream(f.path, { highWaterMark: 1024 * 1024 }),
        })),
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
    // The export includes the read-back verification: it reads the whole file twice.
    print('exchange.export.throughput', SIZE / MB / exported.seconds, 'MB/s');
    print('exchange.export.peak_rss', exported.peak / 1024 / 1024, 'MiB');
    const spool = join(dir, 'spool');
    await mkdir(spool);
    const imported = await measure(() =>
      readExport(exported.value.paths, { identity: keys.ageIdentity }, spool, DEFAULT_LIMITS),
    );
    await discardVerified(imported.value);
    print('exchange.import.throughput', SIZE / MB / imported.seconds, 'MB/s');
    print('exchange.import.peak_rss', imported.peak / 1024 / 1024, 'MiB');

    const all = join(dir, 'all');
    execFileSync('sh', ['-c', `cat ${files.map((f) => f.path).join(' ')} > ${all}`]);
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
