import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { officeCoreIn } from '../tests/unit/support/office-harness';

/**
 * One office's side of the whole-vault exchange (bench/whole-vault.ts) in a process of its own,
 * bundled and run by bare Node as main runs in the app, so its peak memory (maxRSS, all
 * threads) is what the app would hold: `export <dir> <passphrase> <partner> <folder>` sends
 * everything the vault holds; `import <dir> <passphrase> <file>` previews and applies a file.
 * Prints one JSON line.
 */
async function main() {
  const [step, dir, passphrase, ...rest] = process.argv.slice(2);
  const office = await officeCoreIn(dir!);
  await office.op('vault.unlock', { passphrase: passphrase! });
  // The app boots the exchange's threads when the handoff screen opens.
  await office.op('exchange.prepare', {});
  const seconds = (since: number) => (performance.now() - since) / 1000;
  // `BENCH_MEMORY_TRACE=1`: where the memory is, every 5 s (to stderr).
  if (process.env['BENCH_MEMORY_TRACE'] === '1') {
    const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
    setInterval(() => {
      const m = process.memoryUsage();
      console.error(
        `rss ${mib(m.rss)} heap ${mib(m.heapUsed)}/${mib(m.heapTotal)} external ${mib(m.external)} buffers ${mib(m.arrayBuffers)}`,
      );
    }, 5000).unref();
  }
  let result: Record<string, unknown>;
  if (step === 'export') {
    const [partner, folder] = rest;
    office.choose.folder = folder!;
    const scope = { all: true as const };
    const started = performance.now();
    const check = await office.op('exchange.exportCheck', { scope });
    const sent = await office.op('exchange.export', {
      jobId: randomUUID(),
      scope,
      to: { partners: [partner!] },
      ...(check.token ? { acceptedGaps: check.token } : {}),
    });
    result = {
      export: seconds(started),
      records: sent!.recordCount,
      file: join(folder!, (await readdir(folder!))[0]!),
    };
  } else {
    office.choose.file = rest[0]!;
    let started = performance.now();
    const preview = (await office.op('exchange.preview', {}))!;
    const previewed = seconds(started);
    started = performance.now();
    const applied = await office.op('exchange.apply', {
      importId: preview.importId,
      acceptUnverified: false,
    });
    result = { preview: previewed, apply: seconds(started), counts: applied.counts };
  }
  await office.core.close();
  console.log(JSON.stringify({ ...result, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
