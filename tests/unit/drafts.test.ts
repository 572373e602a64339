import { afterEach, describe, expect, it } from 'vitest';
import { startRecordsCore, type RecordsCore } from './support/records-core';
import { caseSample, personSample } from './support/record-samples';
import { errorOf } from './support/test-core';

let running: RecordsCore | null = null;
afterEach(async () => {
  await running?.core.close();
  running = null;
});

describe('form drafts', () => {
  it('saves, replaces, reads back and discards a draft per form', async () => {
    running = await startRecordsCore();
    const { op } = running;
    expect(await op('drafts.get', { formKey: 'case:new' })).toBeNull();

    await op('drafts.save', { formKey: 'case:new', data: '{"title":"Amenazas"}' });
    await op('drafts.save', { formKey: 'person:new', data: '{"name":"Itzel"}' });
    await op('drafts.save', { formKey: 'case:new', data: '{"title":"Amenazas en Oaxaca"}' });

    const draft = await op('drafts.get', { formKey: 'case:new' });
    expect(draft?.data).toBe('{"title":"Amenazas en Oaxaca"}');
    expect(Number.isNaN(Date.parse(draft?.updatedAt ?? ''))).toBe(false);

    await op('drafts.discard', { formKey: 'case:new' });
    expect(await op('drafts.get', { formKey: 'case:new' })).toBeNull();
    expect((await op('drafts.get', { formKey: 'person:new' }))?.data).toBe('{"name":"Itzel"}');
    // Discarding what is not there is fine: the form does it after every save.
    await op('drafts.discard', { formKey: 'case:new' });
  });

  it('refuses odd keys and needs an open vault', async () => {
    running = await startRecordsCore();
    const { call, op } = running;
    expect((await errorOf(call('drafts.get', { formKey: '../etc' }))).code).toBe('validation');
    expect((await errorOf(call('drafts.save', { formKey: 'Case:new', data: '' }))).code).toBe(
      'validation',
    );
    await op('vault.lock', {});
    expect((await errorOf(call('drafts.get', { formKey: 'case:new' }))).code).toBe('locked');
  });

  it("goes with its record when the record is deleted, and only that record's", async () => {
    running = await startRecordsCore();
    const { op } = running;
    const person = await op('people.create', personSample);
    const kept = await op('people.create', { ...personSample, name: 'Otra defensora' });
    const record = await op('cases.create', { ...caseSample, aggressions: [], sources: [] });
    for (const formKey of [`person:${person.id}`, `person:${kept.id}`, `case:${record.id}`]) {
      await op('drafts.save', { formKey, data: '{"unsaved":"palabras"}' });
    }
    await op('people.delete', { id: person.id });
    await op('cases.delete', { id: record.id });
    expect(await op('drafts.get', { formKey: `person:${person.id}` })).toBeNull();
    expect(await op('drafts.get', { formKey: `case:${record.id}` })).toBeNull();
    expect(await op('drafts.get', { formKey: `person:${kept.id}` })).not.toBeNull();
  });
});
