import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../electron/database/open-database';
import { type Database } from '../electron/database/sqlite';
import { defaultRenderRuntime } from '../electron/dossiers/dossier-runtime';
import { saveDossier } from '../electron/dossiers/dossier-output';
import { prepareDossier, redactedDocument } from '../electron/dossiers/dossier-service';
import { renderInWorker } from '../electron/dossiers/render-job';
import { insertAggression } from '../electron/repositories/aggression-repository';
import { insertPart } from '../electron/repositories/case-part-repository';
import { insertCase } from '../electron/repositories/case-repository';
import { insertConsent } from '../electron/repositories/consent-repository';
import { insertEvidence } from '../electron/repositories/evidence-repository';
import { insertPerson } from '../electron/repositories/people-repository';
import { type PrintFigure } from './print';

const AGGRESSIONS = 200;
const EVIDENCE = 500;
const NARRATIVE =
  'Dos hombres en motocicleta la siguieron desde la radio comunitaria hasta su casa; uno de ellos le gritó que dejara la defensa del territorio o atendría las consecuencias. ';

/** A defender with 200 aggressions over 4 cases and 500 evidence rows (real hashes of random bytes). */
async function seed(db: Database): Promise<string> {
  return db.transaction(async (tx) => {
    const personId = await insertPerson(tx, {
      name: 'Rosa Itzel Méndez',
      pseudonym: 'Xochitl',
      genderIdentity: 'woman',
      ageRange: 'age_30_44',
      ethnicIdentity: 'zapoteca',
      country: 'MX',
      department: 'Oaxaca',
      municipality: 'Juchitán de Zaragoza',
      organization: 'Colectiva Guiigu',
      collectiveId: null,
      movement: 'Defensa del territorio',
      rightsDefended: ['land_territory'],
      contactChannels: [],
      confidentiality: 'restricted',
    });
    const consent = {
      personId,
      collectiveId: null,
      givenOn: '2026-01-10',
      method: 'written_in_person',
      notes: '',
    } as const;
    await insertConsent(tx, { ...consent, scope: 'iachr', identity: 'pseudonym' }, 'bench');
    for (let c = 0; c < 4; c++) {
      const caseId = await insertCase(tx, {
        title: `Caso ${c + 1}: amenazas por la defensa del territorio`,
        status: 'open',
        urgency: 'high',
        rightsAtStake: ['land_territory'],
        tags: [],
        confidentiality: 'restricted',
      });
      for (let i = 0; i < AGGRESSIONS / 4; i++) {
        const day = new Date(Date.UTC(2020, 0, 1) + (i * 4 + c) * 7 * 86_400_000);
        await insertAggression(tx, caseId, {
          occurredOn: day.toISOString().slice(0, 10),
          datePrecision: 'exact',
          country: 'MX',
          department: 'Oaxaca',
          municipality: 'Juchitán de Zaragoza',
          exactPlace: null,
          scope: 'personal',
          types: i % 2 ? ['threat', 'surveillance'] : ['smear_campaign'],
          genderComponents: i % 3 ? [] : ['sexualized'],
          narrative: `Rosa Itzel denunció: ${NARRATIVE.repeat(3)}`,
          victims: [{ personId, collectiveId: null, role: 'direct' }],
          perpetrators: [
            {
              type: 'company',
              identified: false,
              description: 'Hombres armados',
              involvement: 'direct',
            },
          ],
        });
      }
      await insertPart(tx, 'responses', caseId, {
        type: 'prosecutor_complaint',
        doneOn: '2024-05-02',
        responsible: 'Equipo jurídico',
        outcome: 'Sin respuesta',
        followUpOn: null,
        reference: `FGE/OAX/2024/${c}`,
      });
      for (let e = 0; e < EVIDENCE / 4; e++) {
        const bytes = randomBytes(4096);
        await insertEvidence(tx, {
          caseId,
          fileId: randomUUID(),
          fileKey: randomBytes(32),
          originalName: `captura-${c}-${e}.png`,
          mediaType: 'image/png',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          description: 'Captura de pantalla del mensaje',
          addedBy: 'bench',
        });
      }
    }
    return personId;
  });
}

/** A dossier for a defender with 200 aggressions and 500 evidence items, pseudonymized, encrypted. */
export async function benchDossier(print: PrintFigure): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'resguardo-bench-dossier-'));
  const db = await openDatabase(join(dir, 'db.sqlite'), randomBytes(32));
  try {
    const personId = await seed(db);
    const today = '2026-11-26';
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    delay.enable();
    const start = performance.now();
    const prepared = await prepareDossier(
      db,
      {
        subject: { personId },
        template: 'iachr',
        language: 'es',
        redaction: { pseudonymize: [personId], includeContacts: false, includeExactPlaces: false },
      },
      today,
    );
    const request = {
      summary: 'Resumen.',
      measuresRequested: 'Medidas.',
      workRiskLink: 'Vínculo.',
      context: '',
    };
    const document = redactedDocument(
      prepared,
      request,
      { displayName: 'Bench', officeName: 'Red' },
      today,
    );
    const composed = performance.now();
    const runtime = defaultRenderRuntime(join(__dirname, '..', 'electron', 'dossiers'));
    const { pdf, pages } = await renderInWorker(document, runtime);
    const rendered = performance.now();
    const renderPeak = peak;
    const saved = await saveDossier(db, pdf, join(dir, 'd.pdf.age'), {
      passphrase: 'una frase de prueba para el banco',
    });
    const total = performance.now() - start;
    delay.disable();
    clearInterval(timer);
    print('dossier.gather_compose', Math.round(composed - start), 'ms');
    print('dossier.render', Math.round(rendered - composed), 'ms');
    print('dossier.encrypt_verify', Math.round(performance.now() - rendered), 'ms');
    print('dossier.generate', Math.round(total), 'ms');
    print('dossier.pages', pages, 'pages');
    print('dossier.size', Math.round(saved.size / 1024), 'KiB');
    print('dossier.rss_before', Math.round(before / 1024 / 1024), 'MiB');
    // scrypt at 2^18 alone takes 256 MiB: the encrypted save dominates the peak.
    print('dossier.peak_rss_render', Math.round(renderPeak / 1024 / 1024), 'MiB');
    print('dossier.peak_rss', Math.round(peak / 1024 / 1024), 'MiB');
    print('dossier.event_loop_max_delay', Math.round(delay.max / 1e6), 'ms');
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
