import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceFile } from '../electron/evidence/evidence-paths';
import { storeEvidence } from '../electron/evidence/evidence-store';
import { generateOfficeKeys } from '../electron/office/office-keys';
import { bundleStep } from './bundle-step';
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

/** Run one step in its own process: its time and peak memory. */
function step(script: string, name: string, jobFile: string, boot: 'warm' | 'cold' = 'warm') {
  // Nothing left to write back from the previous step, which would slow whichever comes next.
  execFileSync('sync');
  const output = execFileSync(process.execPath, [script, name, jobFile, boot], {
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as {
    seconds: number;
    cpuSeconds: number;
    maxRssMiB: number;
    jobMiB: number;
  };
}

/**
 * The age CLI on the same bytes, timed the same way (a shell command; its time only), and the
 * CPU time it took: bash's `times` prints its children's user and system time (`0m0.087s`).
 */
function cli(command: string): { seconds: number; cpuSeconds: number } {
  execFileSync('sync');
  const start = performance.now();
  const output = execFileSync('bash', ['-c', `${command}\ntimes`], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  const children = output.trim().split('\n').at(-1)!;
  const cpuSeconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)]
    .map(([, minutes, rest]) => Number(minutes) * 60 + Number(rest))
    .reduce((sum, part) => sum + part, 0);
  return { seconds, cpuSeconds };
}

/** Remove the file the last export step wrote. */
async function removeExported(jobFile: string) {
  const { exported } = JSON.parse(await readFile(jobFile, 'utf8')) as StepJob;
  await Promise.all((exported ?? []).map((path) => rm(path, { force: true })));
}

type Measure =
  | 'export'
  | 'exportCold'
  | 'import'
  | 'importCold'
  | 'apply'
  | 'enc'
  | 'encSync'
  | 'encVerify'
  | 'dec';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Each figure is the median of `rounds`, every round running all of them one after the other
 * (ours and the CLI's on the same bytes), so a slow moment of the machine falls on both sides.
 */
async function benchSize(print: PrintFigure, prefix: string, size: number, rounds: number) {
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
    const script = await bundleStep('exchange-step');
    await writeFile(jobFile, JSON.stringify(job));
    const all = join(dir, 'all');
    const plainSize = (await stat(all)).size;
    const keyFile = join(dir, 'key.txt');
    await writeFile(keyFile, `${keys.ageIdentity}\n`);

    const seconds: Record<Measure, number[]> = {
      export: [],
      exportCold: [],
      import: [],
      importCold: [],
      apply: [],
      enc: [],
      encSync: [],
      encVerify: [],
      dec: [],
    };
    const cpu = { export: [] as number[], enc: [] as number[] };
    const memory = { export: [0, 0], import: [0, 0], apply: [0, 0] };
    const record = (name: keyof typeof memory, result: ReturnType<typeof step>) => {
      seconds[name].push(result.seconds);
      if (name === 'export') cpu.export.push(result.cpuSeconds);
      memory[name] = [
        Math.max(memory[name][0]!, result.maxRssMiB),
        Math.max(memory[name][1]!, result.jobMiB),
      ];
    };
    for (let round = 0; round < rounds; round++) {
      // Export: decrypt each vault item, encrypt the archive, read the file back and check it;
      // with threads that boot when the job starts ("cold"), then booted ahead as the app does
      // (exchange.prepare, when the handoff screen opens). The last file is the one imported.
      seconds.exportCold.push(step(script, 'export', jobFile, 'cold').seconds);
      await removeExported(jobFile);
      record('export', step(script, 'export', jobFile));
      // Import, first pass: decrypt, hash every entry, check the signature.
      seconds.importCold.push(step(script, 'import', jobFile, 'cold').seconds);
      record('import', step(script, 'import', jobFile));
      // Import, apply pass: read again, encrypt each item under a fresh key of the receiver's.
      record('apply', step(script, 'apply', jobFile));
      await rm(job.store, { recursive: true });
      await mkdir(job.store);
      const enc = cli(`age -r ${keys.ageRecipient} -o ${all}.age ${all}`);
      seconds.enc.push(enc.seconds);
      cpu.enc.push(enc.cpuSeconds);
      // The CLI does not fsync; our export does (and reads the file back). Both ways.
      seconds.encSync.push(
        cli(`age -r ${keys.ageRecipient} -o ${all}.2.age ${all} && sync ${all}.2.age`).seconds,
      );
      // And the whole of what our export does: fsync, then read the file back from the disk
      // (O_DIRECT, past the cache) and authenticate every chunk.
      seconds.encVerify.push(
        cli(
          `age -r ${keys.ageRecipient} -o ${all}.3.age ${all} && sync ${all}.3.age && ` +
            `dd if=${all}.3.age iflag=direct bs=4M status=none | age -d -i ${keyFile} > /dev/null`,
        ).seconds,
      );
      seconds.dec.push(cli(`age -d -i ${keyFile} ${all}.age > /dev/null`).seconds);
      // Every round starts with the same free space (a fuller disk writes slower here).
      await Promise.all([`${all}.3.age`, `${all}.2.age`, `${all}.age`].map((path) => rm(path)));
      await removeExported(jobFile);
    }
    const rate = (name: Measure) =>
      (name.startsWith('enc') ? plainSize : size) / MB / median(seconds[name]);
    print(`${prefix}.export.throughput`, rate('export'), 'MB/s');
    print(`${prefix}.export.cold.throughput`, rate('exportCold'), 'MB/s');
    print(`${prefix}.import.throughput`, rate('import'), 'MB/s');
    print(`${prefix}.import.cold.throughput`, rate('importCold'), 'MB/s');
    print(`${prefix}.import.apply.throughput`, rate('apply'), 'MB/s');
    print(`${prefix}.age_cli.encrypt.throughput`, rate('enc'), 'MB/s');
    print(`${prefix}.age_cli.encrypt_fsync.throughput`, rate('encSync'), 'MB/s');
    print(`${prefix}.age_cli.encrypt_fsync_verify.throughput`, rate('encVerify'), 'MB/s');
    print(`${prefix}.age_cli.decrypt.throughput`, rate('dec'), 'MB/s');
    print(`${prefix}.export.ratio_to_cli`, rate('export') / rate('enc'), 'x');
    print(`${prefix}.export.ratio_to_cli_fsync`, rate('export') / rate('encSync'), 'x');
    print(`${prefix}.export.ratio_to_cli_fsync_verify`, rate('export') / rate('encVerify'), 'x');
    print(`${prefix}.import.ratio_to_cli`, rate('import') / rate('dec'), 'x');
    // What bounds the export on this machine: the CPU time it takes (all its threads) against
    // the CLI's, and the ratio it would reach were that time spread perfectly over every core.
    const cores = availableParallelism();
    print(`${prefix}.export.cpu`, median(cpu.export), 's');
    print(`${prefix}.age_cli.encrypt.cpu`, median(cpu.enc), 's');
    print(`${prefix}.cores`, cores, 'cores');
    print(
      `${prefix}.export.ratio_to_cli_cpu_bound`,
      median(seconds.enc) / (median(cpu.export) / cores),
      'x',
    );
    for (const [name, [peak, job]] of Object.entries(memory)) {
      const id = name === 'apply' ? 'import.apply' : name;
      print(`${prefix}.${id}.peak_rss`, peak!, 'MiB');
      print(`${prefix}.${id}.peak_rss_job`, job!, 'MiB');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Export and import of 256 MiB of evidence, beside the age CLI on the same bytes. */
export async function benchExchange(print: PrintFigure): Promise<void> {
  await benchSize(print, 'exchange', 256 * 1024 * 1024, 3);
}

/**
 * The same with 2 GiB: memory must stay bounded whatever the size, and the fixed costs (threads
 * starting, the header, the signature) weigh less beside the CLI.
 */
export async function benchExchangeLarge(print: PrintFigure): Promise<void> {
  await benchSize(print, 'exchange.2g', 2 * 1024 * 1024 * 1024, 1);
}
