import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceFile } from '../electron/evidence/evidence-paths';
import { storeEvidence } from '../electron/evidence/evidence-store';
import { generateOfficeKeys } from '../electron/office/office-keys';
import { type StepJob } from './exchange-step';
import { type PrintFigure } from './print';

const MB = 1e6;
const PIECE = 4 * 1024 * 1024;

/**
 * The evidence set: 8 items of random bytes taken into a vault's evidence folder as an intake
 * would (each encrypted under its own key), and the same bytes as one plain file for the CLI.
 */
async function makeEvidence(dir: string, size: number): Promise<StepJob['blobs']> {
  const plain = await open(join(dir, 'all'), 'w');
  const blobs: StepJob['blobs'] = [];
  for (let i = 0; i < 8; i++) {
    const item = join(dir, `e${i}`);
    const handle = await open(item, 'w');
    for (let written = 0; written < size / 8; written += PIECE) {
      const bytes = randomBytes(PIECE);
      await handle.write(bytes);
      await plain.write(bytes);
    }
    await handle.close();
    const stored = await storeEvidence(dir, item);
    await rm(item);
    blobs.push({
      sha256: stored.sha256,
      size: stored.size,
      source: {
        path: evidenceFile(dir, stored.fileId),
        fileId: stored.fileId,
        key: stored.fileKey.toString('base64'),
        size: stored.size,
      },
    });
  }
  await plain.close();
  return blobs;
}

/** Run one step in its own process (bench/exchange-step.ts): its time and peak memory. */
function step(name: string, jobFile: string) {
  // Nothing left to write back from the previous step, which would slow whichever comes next.
  execFileSync('sync');
  const output = execFileSync(
    process.execPath,
    [...process.execArgv, join(__dirname, 'exchange-step.ts'), name, jobFile],
    { encoding: 'utf8' },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!) as {
    seconds: number;
    maxRssMiB: number;
    jobMiB: number;
  };
}

/** The age CLI on the same bytes, timed the same way (a shell command; its time only). */
function cli(command: string): number {
  execFileSync('sync');
  const start = performance.now();
  execFileSync('sh', ['-c', command]);
  return (performance.now() - start) / 1000;
}

async function benchSize(print: PrintFigure, prefix: string, size: number) {
  const dir = await mkdtemp(join(tmpdir(), 'resguardo-bench-exchange-'));
  try {
    const keys = await generateOfficeKeys();
    const blobs = await makeEvidence(dir, size);
    const job: StepJob = {
      keys: { ...keys, signingPrivate: keys.signingPrivate.toString('base64') },
      blobs,
      folder: join(dir, 'out'),
      store: join(dir, 'store'),
    };
    await mkdir(job.folder);
    await mkdir(job.store);
    const jobFile = join(dir, 'job.json');
    await writeFile(jobFile, JSON.stringify(job));
    // Export: decrypt each vault item, encrypt the archive, read the file back and check it.
    const exported = step('export', jobFile);
    print(`${prefix}.export.throughput`, size / MB / exported.seconds, 'MB/s');
    print(`${prefix}.export.peak_rss`, exported.maxRssMiB, 'MiB');
    print(`${prefix}.export.peak_rss_job`, exported.jobMiB, 'MiB');
    // Import, first pass: decrypt, hash every entry, check the signature.
    const imported = step('import', jobFile);
    print(`${prefix}.import.throughput`, size / MB / imported.seconds, 'MB/s');
    print(`${prefix}.import.peak_rss`, imported.maxRssMiB, 'MiB');
    print(`${prefix}.import.peak_rss_job`, imported.jobMiB, 'MiB');
    // Import, apply pass: read again, encrypt each item under a fresh key of the receiver's.
    const applied = step('apply', jobFile);
    print(`${prefix}.import.apply.throughput`, size / MB / applied.seconds, 'MB/s');
    print(`${prefix}.import.apply.peak_rss`, applied.maxRssMiB, 'MiB');
    print(`${prefix}.import.apply.peak_rss_job`, applied.jobMiB, 'MiB');

    const all = join(dir, 'all');
    const keyFile = join(dir, 'key.txt');
    await writeFile(keyFile, `${keys.ageIdentity}\n`);
    const encrypt = cli(`age -r ${keys.ageRecipient} -o ${all}.age ${all}`);
    // The CLI does not fsync; our export does (and reads the file back). Both ways, side by side.
    const durable = cli(`age -r ${keys.ageRecipient} -o ${all}.2.age ${all} && sync ${all}.2.age`);
    const decrypt = cli(`age -d -i ${keyFile} ${all}.age > /dev/null`);
    const cliEnc = (await stat(all)).size / MB / encrypt;
    const cliDurable = (await stat(all)).size / MB / durable;
    const cliDec = size / MB / decrypt;
    const ours = { export: size / MB / exported.seconds, import: size / MB / imported.seconds };
    print(`${prefix}.age_cli.encrypt.throughput`, cliEnc, 'MB/s');
    print(`${prefix}.age_cli.encrypt_fsync.throughput`, cliDurable, 'MB/s');
    print(`${prefix}.age_cli.decrypt.throughput`, cliDec, 'MB/s');
    print(`${prefix}.export.ratio_to_cli`, ours.export / cliEnc, 'x');
    print(`${prefix}.export.ratio_to_cli_fsync`, ours.export / cliDurable, 'x');
    print(`${prefix}.import.ratio_to_cli`, ours.import / cliDec, 'x');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Export and import of 256 MiB of evidence, beside the age CLI on the same bytes. */
export async function benchExchange(print: PrintFigure): Promise<void> {
  await benchSize(print, 'exchange', 256 * 1024 * 1024);
}

/**
 * The same with 2 GiB: memory must stay bounded whatever the size, and the fixed costs (threads
 * starting, the header, the signature) weigh less beside the CLI.
 */
export async function benchExchangeLarge(print: PrintFigure): Promise<void> {
  await benchSize(print, 'exchange.2g', 2 * 1024 * 1024 * 1024);
}
