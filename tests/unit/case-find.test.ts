import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Input } from '../../shared/contract';
import { ftsQuery } from '../../electron/repositories/case-search';
import {
  aggressionSample,
  caseSample,
  personSample,
  recordSamples,
} from './support/record-samples';
import { startRecordsCore, type RecordsCore } from './support/records-core';

let core: RecordsCore;
const ids: Record<string, string> = {};
let personId = '';
let collectiveId = '';

type Act = Input<'cases.create'>['aggressions'][number];

beforeAll(async () => {
  // One vault for the whole file, in a folder of its own (tempDir() is emptied after each test).
  const dir = await mkdtemp(join(tmpdir(), 'resguardo-find-'));
  core = await startRecordsCore(dir);
  personId = (await core.op('people.create', personSample)).id;
  collectiveId = (await core.op('collectives.create', recordSamples['collectives.create'])).id;
  const make = async (key: string, fields: Partial<Input<'cases.create'>>, act: Partial<Act>) => {
    const created = await core.op('cases.create', {
      ...caseSample,
      title: `Caso ${key}`,
      sources: [],
      ...fields,
      aggressions: [{ ...aggressionSample, ...act }],
    });
    ids[key] = created.id;
  };
  await make(
    'gt',
    { urgency: 'critical' },
    { country: 'GT', occurredOn: '2025-06-01', narrative: 'Allanamiento de la oficina en Cobán.' },
  );
  await make(
    'hn',
    { status: 'closed', urgency: 'low' },
    {
      country: 'HN',
      occurredOn: '2024-02-10',
      types: ['criminalization'],
      victims: [{ personId: null, collectiveId, role: 'direct' }],
    },
  );
  await make(
    'mx',
    {},
    {
      country: 'MX',
      occurredOn: '2026-03-14',
      narrative: 'Amenaza de muerte frente a la radio comunitaria de Juchitán.',
      victims: [{ personId, collectiveId: null, role: 'direct' }],
    },
  );
  await make(
    'sv',
    { urgency: 'medium' },
    {
      country: 'SV',
      occurredOn: '2025-11-30',
      perpetrators: [
        {
          type: 'armed_forces',
          identified: false,
          description: 'Patrulla militar',
          involvement: 'present',
        },
      ],
    },
  );
  return async () => {
    await core.core.close();
    await rm(dir, { recursive: true, force: true });
  };
});

const page = { sort: 'last_aggression', direction: 'desc', limit: 50, offset: 0 } as const;
const titles = (rows: { title: string }[]) => rows.map((r) => r.title);

describe('finding cases', () => {
  it('lists every case, sorted, without any narrative in the rows', async () => {
    const all = await core.op('cases.list', page);
    expect(all.total).toBe(4);
    expect(titles(all.rows)).toEqual(['Caso mx', 'Caso sv', 'Caso gt', 'Caso hn']);
    expect(JSON.stringify(all.rows)).not.toMatch(/Amenaza de muerte|radio|Allanamiento/);
    const byUrgency = await core.op('cases.list', { ...page, sort: 'urgency' });
    expect(titles(byUrgency.rows)).toEqual(['Caso gt', 'Caso mx', 'Caso sv', 'Caso hn']);
  });

  it('filters by country, date range, aggression type, perpetrator type, status, urgency and person', async () => {
    const list = async (filters: Partial<Input<'cases.list'>>) =>
      titles((await core.op('cases.list', { ...page, ...filters })).rows);
    expect(await list({ country: 'GT' })).toEqual(['Caso gt']);
    expect(await list({ dateFrom: '2025-01-01', dateTo: '2025-12-31' })).toEqual([
      'Caso sv',
      'Caso gt',
    ]);
    expect(await list({ aggressionType: 'criminalization' })).toEqual(['Caso hn']);
    expect(await list({ perpetratorType: 'armed_forces' })).toEqual(['Caso sv']);
    expect(await list({ status: ['closed'] })).toEqual(['Caso hn']);
    expect(await list({ urgency: ['critical', 'medium'] })).toEqual(['Caso sv', 'Caso gt']);
    expect(await list({ personId })).toEqual(['Caso mx']);
    expect(await list({ collectiveId })).toEqual(['Caso hn']);
    expect(await list({ country: 'GT', status: ['closed'] })).toEqual([]);
  });

  it('pages with a limit and an offset, and counts the whole result', async () => {
    const first = await core.op('cases.list', { ...page, limit: 2 });
    const second = await core.op('cases.list', { ...page, limit: 2, offset: 2 });
    expect([first.total, first.hasMore, second.hasMore]).toEqual([4, true, false]);
    expect(await core.op('cases.count', { status: ['open'] })).toEqual({ total: 3 });
    expect([...titles(first.rows), ...titles(second.rows)]).toEqual([
      'Caso mx',
      'Caso sv',
      'Caso gt',
      'Caso hn',
    ]);
  });

  it('finds a case by a word of its narrative, accents ignored, with the match highlighted', async () => {
    const results = await core.op('cases.search', { query: 'juchitan radio', limit: 10 });
    expect(results.map((r) => r.case.title)).toEqual(['Caso mx']);
    const hit = results[0]!.hits.find((h) => h.kind === 'narrative')!;
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['radio', 'Juchitán']);
    expect(hit.snippet.map((s) => s.text).join('')).toContain('frente a la radio comunitaria');
  });

  it('finds by a victim name, a place and as the user types (prefix)', async () => {
    const byName = await core.op('cases.search', { query: 'Itzel', limit: 10 });
    expect(byName.map((r) => r.case.title)).toEqual(['Caso mx']);
    expect(byName[0]!.hits[0]!.kind).toBe('victim');
    expect(
      (await core.op('cases.search', { query: 'Cob', limit: 10 })).map((r) => r.case.title),
    ).toEqual(['Caso gt']);
  });

  it('never lets search syntax through: quotes, NEAR( and operators are only words', async () => {
    for (const query of [
      '"',
      'NEAR(',
      'radio"',
      'a AND',
      '*',
      '-radio',
      'col:radio',
      '(((',
      'OR',
      "'; DROP",
    ]) {
      const reply = await core.core.dispatch('cases.search', { query, limit: 5 });
      expect(reply.ok, query).toBe(true);
    }
    expect(ftsQuery('NEAR(radio "x')).toBe('"NEAR" "radio" "x"*');
    expect(ftsQuery('"  *')).toBeNull();
  });

  it('counts again after a write (the count is reused only until the next write)', async () => {
    const filters = { country: 'NI' } as const;
    expect((await core.op('cases.list', { ...page, ...filters })).total).toBe(0);
    const created = await core.op('cases.create', {
      ...caseSample,
      aggressions: [{ ...aggressionSample, country: 'NI' }],
      sources: [],
    });
    expect((await core.op('cases.list', { ...page, ...filters })).total).toBe(1);
    await core.op('cases.delete', { id: created.id });
    expect(await core.op('cases.count', filters)).toEqual({ total: 0 });
  });

  it('follows edits: an updated narrative is found by its new words only', async () => {
    const detail = await core.op('cases.get', { id: ids['gt']! });
    await core.op('aggressions.update', {
      id: detail.aggressions[0]!.id,
      narrative: 'Incautación de computadoras.',
    });
    expect(await core.op('cases.search', { query: 'Allanamiento', limit: 5 })).toEqual([]);
    expect(
      (await core.op('cases.search', { query: 'computadoras', limit: 5 })).map((r) => r.case.id),
    ).toEqual([ids['gt']]);
  });
});
