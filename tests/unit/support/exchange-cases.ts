import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Office } from './exchange-core';
import { aggressionSample, caseSample, personSample } from './record-samples';
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
  const item = await addEvidence(office, created.id, title, data);
  return { caseId: created.id, item, data };
}

/** Take `data` into a case's evidence as a user would (chosen as a file named after `title`). */
export async function addEvidence(office: Office, caseId: string, title: string, data: Buffer) {
  const source = join(await tempDir(), `${title}.bin`);
  await writeFile(source, data);
  office.choose.open = [source];
  const [chosen] = await office.op('evidence.chooseFiles', {});
  return office.op('evidence.intake', {
    caseId,
    token: chosen!.token,
    description: `Prueba de ${title}`,
  });
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

/**
 * A person who consented to sharing with allies, and a case with one aggression against her:
 * what an export to a partner takes with her assessments.
 */
export async function caseWithConsentingVictim(office: Office) {
  const person = await office.op('people.create', personSample);
  await office.op('consents.add', {
    personId: person.id,
    collectiveId: null,
    scope: 'share_with_allies',
    identity: 'name',
    givenOn: '2026-03-15',
    method: 'verbal_in_person',
    notes: '',
  });
  const kase = await office.op('cases.create', {
    ...caseSample,
    aggressions: [
      {
        ...aggressionSample,
        victims: [{ personId: person.id, collectiveId: null, role: 'direct' }],
      },
    ],
    sources: [],
  });
  return { person, kase };
}

/** A case with one aggression (one perpetrator), and a perpetrator as an edit would list her. */
export function caseWithOneAggression(office: Office) {
  return office.op('cases.create', { ...caseSample, aggressions: [aggressionSample], sources: [] });
}

export const perpetratorNamed = (description: string) => ({
  type: 'police' as const,
  identified: true,
  description,
  involvement: 'direct' as const,
});

/** Each office corrects the aggression's perpetrator its own way ("municipal" at `a`). */
export async function correctPerpetratorAtBoth(a: Office, b: Office, aggressionId: string) {
  await a.op('aggressions.update', {
    id: aggressionId,
    perpetrators: [perpetratorNamed('Policía municipal')],
  });
  await b.op('aggressions.update', {
    id: aggressionId,
    perpetrators: [perpetratorNamed('Policía estatal')],
  });
}
