import { randomBytes, randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { caseSample } from '../tests/unit/support/record-samples';
import { startOfficeIn, swapVerifiedCards } from '../tests/unit/support/office-harness';
import { type PrintFigure } from './print';

const FILES = 200;

/**
 * A stick with 200 exports for this office (the most a listing shows), listed as the import
 * screen lists them: each described from its header and first chunk (stick-files.ts). One of
 * them is large, to show the time does not follow the size.
 */
export async function benchStickListing(print: PrintFigure): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'resguardo-bench-listing-'));
  try {
    const a = await startOfficeIn(join(work, 'a'), 'Red de Defensoras del Istmo');
    const b = await startOfficeIn(join(work, 'b'), 'Oficina Tegucigalpa');
    const { cardB } = await swapVerifiedCards(a, b);
    const kase = await a.op('cases.create', { ...caseSample, aggressions: [], sources: [] });
    const exportOnce = async (folder: string) => {
      a.choose.folder = folder;
      await a.op('exchange.export', {
        jobId: randomUUID(),
        scope: { caseIds: [kase.id] },
        to: { partners: [cardB.fingerprint] },
      });
      return join(folder, (await readdir(folder))[0]!);
    };
    const stick = join(work, 'stick');
    await mkdir(stick);
    const small = await exportOnce(await mkdtemp(join(work, 'small-')));
    for (let i = 1; i < FILES; i++) {
      await copyFile(small, join(stick, `rg-${String(i).padStart(8, '0')}.age`));
    }
    // The large one: evidence of 64 MiB.
    const evidence = join(work, 'evidencia.bin');
    await writeFile(evidence, randomBytes(64 << 20));
    a.choose.open = [evidence];
    const [chosen] = await a.op('evidence.chooseFiles', {});
    await a.op('evidence.intake', { caseId: kase.id, token: chosen!.token, description: 'Video' });
    const large = await exportOnce(await mkdtemp(join(work, 'large-')));
    await copyFile(large, join(stick, 'rg-ffffffff.age'));
    const sizes = await Promise.all((await readdir(stick)).map((n) => stat(join(stick, n))));
    b.choose.drives = [
      { id: 'a'.repeat(16), label: 'USB', size: 1e9, free: 1e9, mountPoint: stick },
    ];
    const started = performance.now();
    const listed = await b.op('drives.files', { drive: 'a'.repeat(16) });
    const ms = performance.now() - started;
    if (listed.filter((f) => f.sender !== null).length !== FILES) throw new Error('not all named');
    print('stick_listing.files', listed.length, 'files');
    print(
      'stick_listing.bytes_on_stick',
      sizes.reduce((sum, s) => sum + s.size, 0) / 2 ** 20,
      'MiB',
    );
    print('stick_listing.time', ms, 'ms');
    print('stick_listing.per_file', ms / listed.length, 'ms');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
