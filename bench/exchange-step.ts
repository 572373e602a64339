import { open, readFile, writeFile } from 'node:fs/promises';
import { DEFAULT_LIMITS } from '../electron/exchange/archive-sink';
import { openHeader } from '../electron/exchange/age-reader';
import { readThroughThreads } from '../electron/exchange/decrypt-threads';
import { exportToFile } from '../electron/exchange/export-file';
import { type EvidenceBlob } from '../electron/exchange/exchange-records';
import { discardVerified, readExport } from '../electron/exchange/import-reader';
import { JOB_THREADS, warmThreads } from '../electron/exchange/warm-threads';
import { fingerprintOf } from '../electron/office/office-card';
import { type OfficeKeys } from '../electron/office/office-keys';

/**
 * One step of the exchange benchmark in a process of its own (bench/exchange.ts bundles it and
 * runs it under bare Node, as main runs in the app), so the peak memory it reports (the
 * process's maxRSS, all threads) is the step's and nothing else. Prints one JSON line:
 * { seconds, cpuSeconds, maxRssMiB, jobMiB } — cpuSeconds is the CPU time of all the process's
 * threads during the step (the booted threads' boot excluded); jobMiB is the peak above what the
 * process held before the step began (Node and the modules: about 55 MiB here), booted threads
 * included.
 */
export interface StepJob {
  keys: Omit<OfficeKeys, 'signingPrivate'> & { signingPrivate: string };
  blobs: (Omit<EvidenceBlob, 'source'> & {
    source: { path: string; fileId: string; key: string; size: number };
  })[];
  folder: string;
  store: string;
  exported?: string[];
}

async function exportStep(job: StepJob) {
  const keys = { ...job.keys, signingPrivate: Buffer.from(job.keys.signingPrivate, 'base64') };
  const blobs: EvidenceBlob[] = job.blobs.map((b) => ({
    ...b,
    source: { kind: 'vault', ...b.source, key: Buffer.from(b.source.key, 'base64') },
  }));
  const result = await exportToFile({
    source: { async *records() {}, evidence: async () => blobs },
    keys,
    target: { recipients: [keys.ageRecipient] },
    verifyKey: { identity: keys.ageIdentity },
    folder: job.folder,
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
  });
  return result.paths;
}

async function importStep(job: StepJob) {
  // A file in a local folder, as the app reads it: checked in place, no copy.
  const verified = await readExport(
    job.exported!,
    { identity: job.keys.ageIdentity },
    null,
    DEFAULT_LIMITS,
  );
  await discardVerified(verified);
}

async function applyStep(job: StepJob) {
  // The apply pass: the checked file read again, each item encrypted under a fresh key.
  const handle = await open(job.exported![0]!, 'r');
  const head = Buffer.alloc(70_000);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  await handle.close();
  const opened = await openHeader(head.subarray(0, bytesRead), { identity: job.keys.ageIdentity });
  const wanted = Object.fromEntries(job.blobs.map((b) => [b.sha256, 1]));
  await readThroughThreads(
    { paths: job.exported!, ...opened! },
    { smallMax: 0, store: { folder: job.store, wanted } },
    () => undefined,
  );
}

const steps = { export: exportStep, import: importStep, apply: applyStep };

async function main() {
  const [step, jobFile, boot] = process.argv.slice(2);
  const job = JSON.parse(await readFile(jobFile!, 'utf8')) as StepJob;
  const run = steps[step as keyof typeof steps];
  // Taken before the threads boot: they are the job's memory too.
  const before = process.memoryUsage.rss() / 1024 / 1024;
  // The app boots the threads when the handoff screen opens (exchange.prepare); `cold`: a job
  // that boots its own.
  if (boot !== 'cold') await warmThreads.prepare(JOB_THREADS);
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const value = await run(job);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (step === 'export') await writeFile(jobFile!, JSON.stringify({ ...job, exported: value }));
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, cpuSeconds, maxRssMiB, jobMiB: maxRssMiB - before }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
