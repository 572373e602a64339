import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appliedText, openExchangeTab } from './support/exchange-flows';
import { expect, test } from './support/fixtures';
import { createVault } from './support/flows';
import { type HostProcess } from './support/host-process';
import { translator } from './support/i18n';
import { cancelJobByKeyboard, caseWithLargeEvidence, seeJobProgress } from './support/job-flows';

const t = translator('es');
const PASSPHRASE = 'tortuga veleta naranjo cometa 83';

// A stick that pauses 150 ms after every 4 MiB read: each pass over 96 MiB lasts seconds.
test.use({ slowReadMs: 150 });

/** What the import has left on disk: files in the spool and evidence folders. */
async function filesLeft(dataDir: string): Promise<string[]> {
  const list = async (folder: string) => (await readdir(folder).catch(() => [])).sort();
  return [
    ...(await list(join(dataDir, 'exchange-spool'))),
    ...(await list(join(dataDir, 'evidence'))),
  ];
}

async function caseCount(host: HostProcess): Promise<number> {
  return ((await host.ipc('cases.count', {})) as { total: number }).total;
}

test('an import shows its progress while reading and storing, and Cancel leaves nothing', async ({
  app: page,
  host,
  dataDir,
}) => {
  await createVault(page, 'es');
  // The office's own copy on a stick: one case with 96 MiB of evidence, then deleted here, so
  // that reading the copy back brings it all in again.
  const { caseId } = await caseWithLargeEvidence(host, dataDir, 96);
  const [drive] = (await host.ipc('drives.list', {})) as { id: string }[];
  const exported = (await host.ipc('exchange.export', {
    jobId: randomUUID(),
    scope: { caseIds: [caseId] },
    to: { passphrase: PASSPHRASE },
    drive: drive!.id,
  })) as { fileName: string };
  await host.ipc('cases.delete', { id: caseId });
  const before = await filesLeft(dataDir);

  await openExchangeTab(page, 'import');
  await page.getByLabel(t('handoff.import.passphraseLabel'), { exact: true }).fill(PASSPHRASE);
  const readFile = page.getByRole('button', {
    name: t('handoff.import.readFile', { name: exported.fileName }),
  });

  // Reading (decrypting and checking every byte): the bar moves; Cancel stops it, nothing kept.
  await readFile.click();
  await seeJobProgress(page, 'import being read');
  await cancelJobByKeyboard(page, t('handoff.import.readCancelled'));
  await expect(page.getByTestId('import-preview')).toBeHidden();
  expect(await filesLeft(dataDir)).toEqual(before);

  // Read to the end, then applied: storing the evidence moves the bar; Cancel stops it too.
  await readFile.click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview).toContainText(t('handoff.import.sender.self'));
  await preview.getByRole('button', { name: t('handoff.import.apply'), exact: true }).click();
  await seeJobProgress(page, 'import being stored');
  await cancelJobByKeyboard(page, t('handoff.import.applyCancelled'));
  expect(await caseCount(host)).toBe(0);
  expect(await filesLeft(dataDir)).toEqual(before);

  // Read and applied again, left to run: the case and its evidence are back.
  await readFile.click();
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await preview.getByRole('button', { name: t('handoff.import.apply'), exact: true }).click();
  await expect(
    page.getByRole('status').filter({
      hasText: appliedText({ new: 3, update: 0, conflict: 0, evidence: 1 }),
    }),
  ).toBeVisible({ timeout: 60_000 });
  expect(await caseCount(host)).toBe(1);
});
