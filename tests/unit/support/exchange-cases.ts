import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Office } from './exchange-core';
import { caseSample } from './record-samples';
import { tempDir } from './temp-dir';

/** A case with one evidence file of `size` random bytes, taken in as a user would. */
export async function caseWithEvidence(
  office: Office,
  title: string,
  size: number,
  data = randomBytes(size),
) {
  const created = await office.op('cases.create', {
    ...caseSample,
    title,
    aggressions: [],
    sources: [],
  });
  const source = join(await tempDir(), `${title}.bin`);
  await writeFile(source, data);
  office.choose.open = [source];
  const [chosen] = await office.op('evidence.chooseFiles', {});
  const item = await office.op('evidence.intake', {
    caseId: created.id,
    token: chosen!.token,
    description: `Prueba de ${title}`,
  });
  return { caseId: created.id, item, data };
}

export async function exportFile(from: Office, to: string, caseIds: string[]) {
  const folder = await tempDir();
  from.choose.folder = folder;
  const result = await from.op('exchange.export', {
    jobId: randomUUID(),
    scope: { caseIds },
    to: { partners: [to] },
  });
  return { result: result!, file: join(folder, (await readdir(folder))[0]!) };
}
