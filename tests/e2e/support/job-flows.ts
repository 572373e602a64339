import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { type HostProcess } from './host-process';
import { translator } from './i18n';
import { createCase } from './records';

/** Long exchange jobs (progress and Cancel), shared by the export and import progress specs. */
const t = translator('es');
const MiB = 1024 * 1024;

/**
 * One case with `mib` MiB of evidence, taken in as the user would (main's file dialog), and a
 * folder the host reports as a drive named KINGSTON.
 */
export async function caseWithLargeEvidence(host: HostProcess, dataDir: string, mib: number) {
  const caseId = await createCase(host, 'Amenazas a la radio comunitaria');
  const video = join(dataDir, 'grabacion.bin');
  await writeFile(video, randomBytes(mib * MiB));
  await host.setDialogs({ openPaths: [video], savePath: null });
  const [chosen] = (await host.ipc('evidence.chooseFiles', {})) as { token: string }[];
  await host.ipc('evidence.intake', {
    caseId,
    token: chosen!.token,
    description: 'Grabación de la llamada',
  });
  const stick = join(dataDir, 'stick');
  await mkdir(stick);
  await host.setDrives([{ label: 'KINGSTON', path: stick }]);
  return { caseId, stick };
}

/** The running job's bar has moved, but not to the end; axe runs on the screen meanwhile. */
export async function seeJobProgress(page: Page, what: string) {
  const bar = page.getByTestId('job-progress').getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
  await expectNoSeriousViolations(page, what);
}

/** Press Cancel with the keyboard; the job goes, and `message` says so. */
export async function cancelJobByKeyboard(page: Page, message: string) {
  await page.getByRole('button', { name: t('handoff.export.cancel'), exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(message)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('job-progress')).toBeHidden();
}
