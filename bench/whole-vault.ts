import { execFileSync } from 'node:child_process';
import { access, copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  officeCoreIn,
  startOfficeIn,
  swapVerifiedCards,
} from '../tests/unit/support/office-harness';
import { STRONG_PASSPHRASE } from '../tests/unit/support/test-core';
import { bundleStep } from './bundle-step';
import { BENCH_PASSPHRASE, casesBenchVault } from './cases';
import { type PrintFigure } from './print';

/** The dashboard bench's copy of the 100 000-case demo vault (with risk assessments), if made. */
const DASHBOARD_VAULT = join(tmpdir(), 'resguardo-bench-dashboard-100000');

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The demo vault the case and dashboard benches keep in the temp folder (made once if neither). */
async function demoVault(print: PrintFigure): Promise<string> {
  if (await exists(join(DASHBOARD_VAULT, 'complete'))) return DASHBOARD_VAULT;
  return casesBenchVault(print);
}

interface StepResult {
  export?: number;
  preview?: number;
  apply?: number;
  records?: number;
  file?: string;
  counts?: Record<string, number>;
  maxRssMiB: number;
}

function step(script: string, args: string[]): StepResult {
  execFileSync('sync');
  const output = execFileSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as StepResult;
}

/**
 * The whole 100 000-case demo vault sent to an empty office, which sends it all back: each
 * export, and each preview with its apply, in a process of its own (its peak memory the app's).
 * A copy of the kept vault is used, so the case and dashboard benches find theirs unchanged.
 */
export async function benchWholeVault(print: PrintFigure) {
  const source = await demoVault(print);
  const work = await mkdtemp(join(tmpdir(), 'resguardo-bench-whole-'));
  try {
    const dirA = join(work, 'a');
    await mkdir(dirA, { mode: 0o700 });
    for (const name of ['vault.json', 'resguardo.db']) {
      await copyFile(join(source, name), join(dirA, name));
    }
    if (await exists(join(source, 'evidence'))) {
      execFileSync('cp', ['-r', join(source, 'evidence'), join(dirA, 'evidence')]);
    }
    const a = await officeCoreIn(dirA);
    await a.op('vault.unlock', { passphrase: BENCH_PASSPHRASE });
    const b = await startOfficeIn(join(work, 'b'), 'Oficina regional (vacía)');
    const { cardA, cardB } = await swapVerifiedCards(a, b);
    await a.core.close();
    await b.core.close();
    const script = await bundleStep('whole-vault-step');

    const there = await mkdtemp(join(work, 'stick-'));
    const sent = step(script, ['export', dirA, BENCH_PASSPHRASE, cardB.fingerprint, there]);
    print('exchange.whole_vault.records', sent.records!, 'records');
    print('exchange.whole_vault.file_size', (await stat(sent.file!)).size / 2 ** 20, 'MiB');
    print('exchange.whole_vault.export', sent.export!, 's');
    const received = step(script, ['import', join(work, 'b'), STRONG_PASSPHRASE, sent.file!]);
    print('exchange.whole_vault.preview', received.preview!, 's');
    print('exchange.whole_vault.apply', received.apply!, 's');
    print('exchange.whole_vault.apply.new', received.counts!['new']!, 'records');
    await rm(there, { recursive: true, force: true });

    const back = await mkdtemp(join(work, 'stick-'));
    const returned = step(script, [
      'export',
      join(work, 'b'),
      STRONG_PASSPHRASE,
      cardA.fingerprint,
      back,
    ]);
    print('exchange.whole_vault.back.export', returned.export!, 's');
    const home = step(script, ['import', dirA, BENCH_PASSPHRASE, returned.file!]);
    print('exchange.whole_vault.back.preview', home.preview!, 's');
    print('exchange.whole_vault.back.apply', home.apply!, 's');
    print('exchange.whole_vault.back.apply.unchanged', home.counts!['unchanged']!, 'records');
    const steps = { export: sent, import: received, 'back.export': returned, 'back.import': home };
    for (const [name, result] of Object.entries(steps)) {
      print(`exchange.whole_vault.${name}.peak_rss`, result.maxRssMiB, 'MiB');
    }
    const peaks = Object.values(steps).map((s) => s.maxRssMiB);
    print('exchange.whole_vault.peak_rss', Math.max(...peaks), 'MiB');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
