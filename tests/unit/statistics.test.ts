import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Input, type Output } from '../../shared/contract';
import { aggressionSample, caseSample, personSample } from './support/record-samples';
import { type RecordsCore, startRecordsCore } from './support/records-core';

/** Planted in every free-text field: it must never reach the statistics. */
const MARKER = 'ZQXMARCADOR';

interface Act {
  date: string;
  country: 'MX' | 'GT' | 'HN' | null;
  types: Input<'aggressions.add'>['types'];
  perpetrators: Input<'aggressions.add'>['perpetrators'][number]['type'][];
  gender: Input<'aggressions.add'>['genderComponents'];
}
interface Case {
  rights: Input<'cases.create'>['rightsAtStake'];
  acts: Act[];
}

/** 14 cases: 8 in Mexico, 5 in Guatemala, 1 in Honduras; a few acts without a country. */
function dataset(): Case[] {
  return Array.from({ length: 14 }, (_, i) => {
    const country = i < 8 ? 'MX' : i < 13 ? 'GT' : 'HN';
    const acts: Act[] = [
      {
        date: `${2024 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
        country,
        types: i % 2 ? ['threat', 'surveillance'] : ['death_threat'],
        perpetrators: i % 4 === 0 ? ['police', 'company'] : ['company'],
        gender: i % 5 === 0 ? ['sexualized'] : [],
      },
    ];
    if (i % 3 === 0) {
      acts.push({
        date: '2025-12-31',
        country: i === 0 ? null : country,
        types: ['raid'],
        perpetrators: [],
        gender: [],
      });
    }
    return { rights: i < 10 ? ['land_territory'] : ['lgbti_rights', 'land_territory'], acts };
  });
}

async function record(running: RecordsCore, cases: Case[]): Promise<void> {
  const person = await running.op('people.create', { ...personSample, name: `Rosa ${MARKER}` });
  for (const [i, one] of cases.entries()) {
    await running.op('cases.create', {
      ...caseSample,
      title: `Caso ${MARKER} ${i}`,
      tags: [MARKER],
      rightsAtStake: one.rights,
      sources: [],
      aggressions: one.acts.map((act) => ({
        ...aggressionSample,
        occurredOn: act.date,
        country: act.country,
        department: `Depto ${MARKER}`,
        municipality: `Municipio ${MARKER}`,
        exactPlace: `Calle ${MARKER}`,
        narrative: `Narración ${MARKER}`,
        types: act.types,
        genderComponents: act.gender,
        victims: [{ personId: person.id, collectiveId: null, role: 'direct' }],
        perpetrators: act.perpetrators.map((type) => ({
          type,
          identified: true,
          description: `Perpetrador ${MARKER}`,
          involvement: 'direct',
        })),
      })),
    });
  }
}

/** The counts, computed here from the dataset rather than by the code under test. */
function expected(cases: Case[]) {
  const cells = new Map<string, { acts: Set<string>; cases: Set<number> }>();
  const add = (dimension: string, code: string, act: string, c: number) => {
    const key = `${dimension}:${code}`;
    const cell = cells.get(key) ?? { acts: new Set(), cases: new Set() };
    cell.acts.add(act);
    cell.cases.add(c);
    cells.set(key, cell);
  };
  cases.forEach((one, c) =>
    one.acts.forEach((act, k) => {
      const id = `${c}.${k}`;
      add('year', act.date.slice(0, 4), id, c);
      add('country', act.country ?? 'unknown', id, c);
      act.types.forEach((t) => add('aggression_type', t, id, c));
      act.perpetrators.forEach((t) => add('perpetrator_type', t, id, c));
      one.rights.forEach((r) => add('right_defended', r, id, c));
      act.gender.forEach((g) => add('gender_component', g, id, c));
    }),
  );
  return new Map(
    [...cells].map(([key, v]) => [key, { aggressions: v.acts.size, cases: v.cases.size }]),
  );
}

function cellsOf(stats: Output<'statistics.summary'>) {
  return stats.dimensions.flatMap((d) =>
    d.cells.map((c) => ({ key: `${d.dimension}:${c.code}`, ...c })),
  );
}

describe('statistics for advocacy', () => {
  it('counts as an independent computation does, and suppresses cells under 5 cases', async () => {
    const running = await startRecordsCore();
    const cases = dataset();
    await record(running, cases);
    const stats = await running.op('statistics.summary', {});
    const truth = expected(cases);
    const cells = cellsOf(stats);
    expect(cells.map((c) => c.key).sort()).toEqual([...truth.keys()].sort());
    const acts = cases.reduce((n, c) => n + c.acts.length, 0);
    expect(stats.total).toEqual({ code: 'all', aggressions: acts, cases: 14, suppressed: false });
    for (const cell of cells) {
      const want = truth.get(cell.key)!;
      if (want.cases < 5)
        expect(cell, cell.key).toMatchObject({ suppressed: true, aggressions: null, cases: null });
      if (!cell.suppressed)
        expect({ aggressions: cell.aggressions, cases: cell.cases }, cell.key).toEqual(want);
    }
    const hidden = (dimension: string) =>
      stats.dimensions
        .find((d) => d.dimension === dimension)!
        .cells.filter((c) => c.suppressed)
        .map((c) => c.code);
    expect(hidden('country')).toEqual(['HN', 'unknown']);
    // 2026 has 4 cases; 2024 (5) is hidden with it, or 2026 would be the total minus the rest.
    expect(hidden('year')).toEqual(['2024', '2026']);
    expect(cells.filter((c) => !c.suppressed).length).toBeGreaterThan(5);

    const narrowed = await running.op('statistics.summary', {
      from: '2025-01-01',
      to: '2025-12-31',
    });
    const in2025 = cases.flatMap((c) => c.acts).filter((a) => a.date.startsWith('2025')).length;
    expect(narrowed.total.aggressions).toBe(in2025);
    expect(
      narrowed.dimensions.find((d) => d.dimension === 'year')!.cells.map((c) => c.code),
    ).toEqual(['2025']);
    await running.core.close();
  });

  it('writes a CSV with codes, labels and counts only, saying what was suppressed', async () => {
    const running = await startRecordsCore();
    await record(running, dataset());
    const path = join(running.dir, 'stats.csv');
    running.dialogs.save = path;
    const result = await running.op('statistics.export', { language: 'es' });
    const csv = await readFile(path, 'utf8');
    expect(csv).not.toContain(MARKER);
    expect(csv).not.toMatch(/Rosa|Municipio|Calle|Narración|Juchitán/);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.filter((l) => l.startsWith('#')).join(' ')).toContain(
      'menos de 5 casos se suprimen',
    );
    const rows = lines
      .filter((l) => !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split(','));
    expect(rows).toHaveLength(result.rows);
    expect(rows.filter((r) => r[5] === 'sí')).toHaveLength(result.suppressed);
    expect(rows.filter((r) => r[5] === 'sí').every((r) => r[3] === '' && r[4] === '')).toBe(true);
    expect(rows).toContainEqual(['país', 'MX', 'México', '10', '8', 'no']);
    expect(rows).toContainEqual(['país', 'HN', 'Honduras', '', '', 'sí']);
    running.dialogs.save = null;
    expect((await running.op('statistics.export', { language: 'en' })).saved).toBe(false);
    await running.core.close();
  });
});
