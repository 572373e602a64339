import { describe, expect, it } from 'vitest';
import { exportFile } from './support/exchange-cases';
import { partneredOffices } from './support/exchange-core';
import { caseSample } from './support/record-samples';

describe('where a record came from and who holds it', () => {
  it('tells the sender whom it went to, and the receiver where and when it came from', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const shared = await a.op('cases.create', { ...caseSample, aggressions: [], sources: [] });
    const local = await a.op('cases.create', {
      ...caseSample,
      title: 'Solo en esta oficina',
      aggressions: [],
      sources: [],
    });
    const { file } = await exportFile(a, cardB.fingerprint, [shared.id]);
    b.choose.file = file;
    const preview = (await b.op('exchange.preview', {}))!;
    await b.op('exchange.apply', { importId: preview.importId, acceptUnverified: false });

    expect(await a.op('exchange.provenance', { kind: 'cases', id: shared.id })).toEqual({
      receivedFrom: null,
      exchangedWith: [{ name: cardB.name }],
      deletedThere: [],
    });
    expect(await a.op('exchange.provenance', { kind: 'cases', id: local.id })).toEqual({
      receivedFrom: null,
      exchangedWith: [],
      deletedThere: [],
    });
    const there = await b.op('exchange.provenance', { kind: 'cases', id: shared.id });
    expect(there).toEqual({
      receivedFrom: {
        officeName: cardA.name,
        exportedAt: preview.createdAt,
        importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      },
      exchangedWith: [{ name: cardA.name }],
      deletedThere: [],
    });

    // An office removed from the list still holds its copy: counted, without a name.
    await a.op('partners.remove', { fingerprint: cardB.fingerprint });
    expect(await a.op('exchange.provenance', { kind: 'cases', id: shared.id })).toEqual({
      receivedFrom: null,
      exchangedWith: [{ name: null }],
      deletedThere: [],
    });
  });
});
