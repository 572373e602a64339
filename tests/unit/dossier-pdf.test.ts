import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Input } from '../../shared/contract';
import { dossierStrings } from '../../electron/dossiers/dossier-strings';
import {
  ACTS,
  consentFor,
  dossierCase,
  EXACT_PLACE,
  PHONE,
  REFERENCES,
  REQUEST,
} from './support/dossier-fixture';
import { pdfFonts, pdfPages, sha256Of } from './support/pdf-text';
import { type RecordsCore, startRecordsCore } from './support/records-core';

let running: RecordsCore;
let fixture: Awaited<ReturnType<typeof dossierCase>>;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'resguardo-dossier-'));
  running = await startRecordsCore(folder);
  fixture = await dossierCase(running);
  for (const id of [fixture.rosa.id, fixture.son.id]) {
    for (const scope of ['iachr', 'litigation'] as const)
      await running.op('consents.add', consentFor(id, scope));
  }
});
afterAll(async () => {
  await running.core.close();
  await rm(folder, { recursive: true, force: true });
});

async function generate(
  file: string,
  spec: Partial<Input<'dossiers.generate'>> = {},
): Promise<{ path: string; pages: string[]; body: string }> {
  const path = join(folder, file);
  running.dialogs.save = path;
  const result = await running.op('dossiers.generate', {
    subject: { caseId: fixture.caseId },
    template: 'iachr',
    language: 'es',
    redaction: { pseudonymize: [], includeContacts: false, includeExactPlaces: false },
    request: REQUEST,
    to: { plain: true },
    ...spec,
  });
  expect(result?.encrypted).toBe(false);
  const pages = pdfPages(path);
  expect(result?.pages).toBe(pages.length);
  // Cover and table of contents first: the sections' own text starts on page 3.
  return { path, pages, body: pages.slice(2).join('\n') };
}

function inOrder(text: string, parts: string[]): boolean {
  const positions = parts.map((part) => text.indexOf(part));
  return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!));
}

describe('a dossier PDF', () => {
  it('has every section in Spanish, in order, with a table of contents and page numbers', async () => {
    const { pages, body } = await generate('es.pdf');
    const es = dossierStrings.es;
    const titles = [
      es['section.summary'],
      es['section.beneficiaries.iachr'],
      es['section.profile'],
      es['section.chronology'],
      es['section.context'],
      es['section.risk'],
      es['section.steps'],
      es['section.evidence'],
    ];
    expect(pages[0]).toContain(es['title.iachr']);
    expect(pages[0]).toContain('Marta Documentadora');
    expect(pages[1]).toContain(es.toc);
    expect(inOrder(pages[1]!, titles)).toBe(true);
    expect(inOrder(body, titles)).toBe(true);
    pages.forEach((page, i) => expect(page).toContain(`Página ${i + 1} de ${pages.length}`));
    expect(body).toContain(REQUEST.measuresRequested);
    expect(pdfFonts(join(folder, 'es.pdf'))).toMatch(/DejaVuSans\s.*yes\s+yes\s+yes/);
  });

  it('gives the chronology in date order, with perpetrators, and accents and ñ intact', async () => {
    const { body } = await generate('order.pdf');
    const chronology = body.slice(body.indexOf(dossierStrings.es['section.chronology']));
    const dates = ['2 de noviembre de 2025', '20 de enero de 2026', '14 de marzo de 2026'];
    expect(inOrder(chronology, dates)).toBe(true);
    expect(ACTS.map((a) => a.occurredOn)).not.toEqual([...ACTS.map((a) => a.occurredOn)].sort());
    expect(chronology).toContain('Empresa o personal contratado');
    for (const word of [
      'Juchitán de Zaragoza',
      'niña',
      'señora',
      'acción',
      'Peña',
      '“Rosa Itzel, te vamos a callar”',
    ]) {
      expect(body).toContain(word);
    }
  });

  it('lists the evidence with the SHA-256 recorded at intake, and the reference numbers', async () => {
    const { body } = await generate('evidence.pdf');
    const items = await running.op('evidence.list', { caseId: fixture.caseId });
    expect(items).toHaveLength(2);
    const shown = [...body.matchAll(/SHA-256: ([0-9a-f]{64})/g)].map((m) => m[1]);
    expect(shown.sort()).toEqual(items.map((i) => i.sha256).sort());
    expect(await sha256Of(join(running.dir, 'captura-amenaza.png'))).toBe(
      items.find((i) => i.originalName === 'captura-amenaza.png')?.sha256,
    );
    for (const reference of REFERENCES) expect(body).toContain(reference);
  });

  it('leaves out exact places and contact details unless asked, and records the hash', async () => {
    const plain = await generate('default.pdf');
    expect(plain.body).not.toContain(EXACT_PLACE.slice(0, 14));
    expect(plain.body).not.toContain(PHONE);
    const full = await generate('full.pdf', {
      redaction: { pseudonymize: [], includeContacts: true, includeExactPlaces: true },
    });
    expect(full.body).toContain(EXACT_PLACE.slice(0, 14));
    expect(full.body).toContain(PHONE);
    const history = await running.op('audit.history', { entityId: fixture.caseId });
    const last = history.filter((e) => e.entity === 'dossier').at(-1);
    expect(JSON.stringify(last)).toContain(await sha256Of(full.path));
  });

  it('is in English when asked, with English dates and the general template', async () => {
    const { pages, body } = await generate('en.pdf', { language: 'en', template: 'general' });
    const en = dossierStrings.en;
    expect(pages[0]).toContain(en['title.general']);
    expect(
      inOrder(body, [en['section.summary'], en['section.beneficiaries'], en['section.evidence']]),
    ).toBe(true);
    expect(inOrder(body, ['2 November 2025', '20 January 2026', '14 March 2026'])).toBe(true);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  });

  it('covers a defender across her cases', async () => {
    const other = await running.op('cases.create', {
      title: 'Criminalización en Oaxaca',
      status: 'open',
      urgency: 'medium',
      rightsAtStake: [],
      tags: [],
      confidentiality: 'internal',
      aggressions: [],
      sources: [],
    });
    await running.op('aggressions.add', {
      caseId: other.id,
      occurredOn: '2024-06-01',
      datePrecision: 'day_unknown',
      country: 'MX',
      department: 'Oaxaca',
      municipality: 'Oaxaca de Juárez',
      exactPlace: null,
      scope: 'personal',
      types: ['criminalization'],
      genderComponents: [],
      narrative: 'Denuncia falsa por despojo.',
      victims: [{ personId: fixture.rosa.id, collectiveId: null, role: 'direct' }],
      perpetrators: [],
    });
    const { body } = await generate('defender.pdf', { subject: { personId: fixture.rosa.id } });
    expect(inOrder(body, ['junio de 2024', '2 de noviembre de 2025'])).toBe(true);
    expect(body).toContain('Caso: Criminalización en Oaxaca');
  });
});
