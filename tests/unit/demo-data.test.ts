import { afterEach, describe, expect, it } from 'vitest';
import { vocabularies, type VocabularyName } from '../../shared/vocabularies';
import { KDF_MINIMUM } from '../../electron/vault/kdf';
import { writeDemoData } from '../../scripts/demo/generate';
import { openOrCreateVault } from '../../scripts/demo/open-vault';
import { startRecordsCore, type RecordsCore } from './support/records-core';
import { STRONG_PASSPHRASE } from './support/test-core';
import { tempDir } from './support/temp-dir';

/** Where each vocabulary's codes are stored: a SQL expression giving one code per row. */
const STORED: Record<VocabularyName, string> = {
  aggression_type: 'SELECT code FROM aggression_types',
  gender_component: 'SELECT j.value FROM aggressions, json_each(gender_components) j',
  aggression_scope: 'SELECT scope FROM aggressions',
  involvement: 'SELECT involvement FROM perpetrators',
  date_precision: 'SELECT date_precision FROM aggressions',
  victim_role: 'SELECT role FROM aggression_victims',
  perpetrator_type: 'SELECT type FROM perpetrators',
  right_defended: 'SELECT j.value FROM people, json_each(rights_defended) j',
  gender_identity: 'SELECT gender_identity FROM people',
  age_range: 'SELECT age_range FROM people',
  contact_channel: "SELECT j.value ->> '$.kind' FROM people, json_each(contact_channels) j",
  collective_kind: 'SELECT kind FROM collectives',
  consent_scope: 'SELECT scope FROM consents',
  consent_identity: 'SELECT identity FROM consents',
  consent_method: 'SELECT method FROM consents',
  confidentiality: 'SELECT confidentiality FROM cases',
  case_status: 'SELECT status FROM cases',
  urgency: 'SELECT urgency FROM cases',
  response_type: 'SELECT type FROM responses',
  reliability: 'SELECT reliability FROM sources',
  source_channel: 'SELECT channel FROM sources',
  custody_action: 'SELECT action FROM evidence_custody',
  country: 'SELECT country FROM aggressions',
  risk_level:
    'SELECT computed_level FROM risk_assessments UNION SELECT override_level FROM risk_assessments',
  assessment_kind: 'SELECT kind FROM risk_assessments',
  risk_area: 'SELECT area FROM risk_factors',
  threat_means: 'SELECT means FROM risk_threats',
  measure_category: 'SELECT category FROM protection_measures',
  measure_status: 'SELECT status FROM protection_measures',
  review_trigger: 'SELECT j.value FROM risk_assessments, json_each(review_triggers) j',
};

let running: RecordsCore | null = null;
afterEach(async () => {
  await running?.core.close();
  running = null;
});

describe('demo data', () => {
  it('uses every code of every vocabulary, and only known codes, with intact links', async () => {
    const dir = await tempDir();
    const { db } = await openOrCreateVault(dir, STRONG_PASSPHRASE, KDF_MINIMUM);
    await writeDemoData(db, { cases: 300, dataDir: dir, batchSize: 120 });
    for (const [name, sql] of Object.entries(STORED)) {
      const rows = await db.all(`SELECT DISTINCT * FROM (${sql})`);
      const stored = new Set(rows.map((r) => Object.values(r)[0]));
      const codes: readonly string[] = vocabularies[name as VocabularyName];
      expect([...stored].filter((c) => c !== null).sort(), name).toEqual([...codes].sort());
    }
    expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect((await db.get('SELECT count(*) AS n FROM cases'))?.['n']).toBe(300);
    const multi = await db.get(
      'SELECT count(*) AS n FROM (SELECT case_id FROM aggressions GROUP BY case_id HAVING count(*) > 1)',
    );
    expect(Number(multi?.['n'])).toBeGreaterThan(50);
    await db.exec("INSERT INTO case_fts(case_fts, rank) VALUES ('integrity-check', 1)");
    await db.close();
  });

  it('is readable through the app: list, search, open, timeline and evidence preview', async () => {
    const dir = await tempDir();
    const { db } = await openOrCreateVault(dir, STRONG_PASSPHRASE, KDF_MINIMUM);
    await writeDemoData(db, { cases: 120, dataDir: dir });
    await db.close();
    running = await startRecordsCore(dir, { unlock: true });
    const { op } = running;
    const page = await op('cases.list', {
      sort: 'updated_at',
      direction: 'desc',
      limit: 200,
      offset: 0,
    });
    expect(page.total).toBe(120);
    for (const row of page.rows) {
      const detail = await op('cases.get', { id: row.id });
      expect(detail.aggressions.length).toBeGreaterThan(0);
      await op('cases.timeline', { id: row.id });
    }
    expect((await op('cases.search', { query: 'radio', limit: 10 })).length).toBeGreaterThan(0);
    const [withEvidence] = (
      await op('cases.list', { sort: 'created_at', direction: 'asc', limit: 1, offset: 0 })
    ).rows;
    const [image] = await op('evidence.list', { caseId: withEvidence!.id });
    expect((await op('evidence.preview', { id: image!.id })).mediaType).toBe('image/png');
  });
});
