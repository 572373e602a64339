import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { caseWithConsentingVictim } from './support/exchange-cases';
import { codeOf, partneredOffices } from './support/exchange-core';
import { personSample } from './support/record-samples';
import { assessmentSample, measureSample, threatSample } from './support/risk-samples';
import { tempDir } from './support/temp-dir';

describe('risk assessments in an exchange', () => {
  it("carries the exported cases' people's assessments, threats with links, factors and plans", async () => {
    const { a, b, cardB } = await partneredOffices();
    const { person, kase } = await caseWithConsentingVictim(a);
    const other = await a.op('people.create', { ...personSample, name: 'Otra defensora' });
    const aggressionId = kase.aggressions[0]!.id;
    const first = await a.op('risk.create', {
      ...assessmentSample,
      personId: person.id,
      threats: [{ ...threatSample, aggressionIds: [aggressionId] }],
    });
    await a.op('plans.addMeasure', { assessmentId: first.id, ...measureSample });
    // A follow-up names the first one: it must arrive after it.
    const second = await a.op('risk.reassess', {
      id: first.id,
      assessedOn: '2026-04-20',
      assessor: 'Coordinación de protección',
    });
    const unrelated = await a.op('risk.create', { ...assessmentSample, personId: other.id });

    const folder = await tempDir();
    a.choose.folder = folder;
    await a.op('exchange.export', {
      jobId: randomUUID(),
      scope: { caseIds: [kase.id] },
      to: { partners: [cardB.fingerprint] },
    });
    b.choose.file = `${folder}/${(await readdir(folder))[0]}`;
    const preview = (await b.op('exchange.preview', {}))!;
    const kinds = new Set(preview.records.map((r) => r.kind));
    for (const kind of [
      'risk_assessments',
      'risk_threats',
      'risk_factors',
      'protection_measures',
    ]) {
      expect(kinds).toContain(kind);
    }
    await b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });

    for (const id of [first.id, second.id]) {
      expect(await b.op('risk.get', { id })).toEqual(await a.op('risk.get', { id }));
    }
    const inB = await b.op('risk.get', { id: first.id });
    expect(inB.threats[0]?.aggressionIds).toEqual([aggressionId]);
    expect(inB.measures).toHaveLength(1);
    expect((await b.op('risk.get', { id: second.id })).previousId).toBe(first.id);
    expect(await codeOf(b.op('risk.get', { id: unrelated.id }))).toBe('not_found');
  });
});
