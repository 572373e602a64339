import { afterEach, describe, expect, it } from 'vitest';
import { aggressionSample, caseSample, personSample } from './support/record-samples';
import { DISPLAY_NAME, startRecordsCore, type RecordsCore } from './support/records-core';
import { errorOf } from './support/test-core';

let running: RecordsCore | null = null;
afterEach(async () => {
  await running?.core.close();
  running = null;
});

async function start() {
  running = await startRecordsCore();
  return running;
}

describe('people, collectives and consents', () => {
  it('creates, reads, updates, lists and deletes a defender', async () => {
    const { op } = await start();
    const person = await op('people.create', personSample);
    expect(person).toMatchObject({ ...personSample, id: expect.any(String) });
    expect(await op('people.get', { id: person.id })).toEqual(person);

    const updated = await op('people.update', { id: person.id, ageRange: 'age_45_59' });
    expect(updated.ageRange).toBe('age_45_59');
    expect(updated.name).toBe(personSample.name);

    const list = await op('people.list', { text: 'itzel', limit: 10, offset: 0 });
    expect(list.total).toBe(1);
    expect(list.rows[0]).not.toHaveProperty('contactChannels');
    expect((await op('people.list', { text: '100%', limit: 10, offset: 0 })).total).toBe(0);

    await op('people.delete', { id: person.id });
    expect((await errorOf(op('people.get', { id: person.id }))).code).toBe('not_found');
    expect((await errorOf(op('people.delete', { id: person.id }))).code).toBe('not_found');
  });

  it('needs a name or a pseudonym and refuses a label where a code belongs', async () => {
    const { call } = await start();
    const noName = await errorOf(
      call('people.create', { ...personSample, name: null, pseudonym: null }),
    );
    expect(noName.code).toBe('validation');
    expect(noName.fields).toHaveProperty('name');
    const label = await errorOf(
      call('people.create', { ...personSample, genderIdentity: 'Mujer' }),
    );
    expect(label.fields).toHaveProperty('genderIdentity');
    const badRight = await errorOf(
      call('people.create', { ...personSample, rightsDefended: ['tierra'] }),
    );
    expect(badRight.code).toBe('validation');
  });

  it('refuses to delete a person still named as a victim (no dangling links)', async () => {
    const { op } = await start();
    const person = await op('people.create', personSample);
    const victims = [{ personId: person.id, collectiveId: null, role: 'direct' as const }];
    const created = await op('cases.create', {
      ...caseSample,
      aggressions: [{ ...aggressionSample, victims }],
      sources: [],
    });
    expect((await errorOf(op('people.delete', { id: person.id }))).code).toBe('conflict');
    await op('cases.delete', { id: created.id });
    await op('people.delete', { id: person.id });
  });

  it('keeps collectives as victims too', async () => {
    const { op } = await start();
    const collective = await op('collectives.create', {
      name: 'Consejo Indígena Popular',
      kind: 'organization',
      country: 'HN',
      department: 'Intibucá',
      municipality: 'La Esperanza',
      rightsDefended: ['indigenous_peoples_rights'],
      description: '',
      confidentiality: 'public',
    });
    const created = await op('cases.create', {
      ...caseSample,
      aggressions: [
        {
          ...aggressionSample,
          scope: 'organizational',
          victims: [{ personId: null, collectiveId: collective.id, role: 'direct' }],
        },
      ],
      sources: [],
    });
    expect(created.aggressions[0]?.victims[0]?.label).toBe('Consejo Indígena Popular');
    const renamed = await op('collectives.update', { id: collective.id, name: 'COPINH ficticio' });
    expect(renamed.name).toBe('COPINH ficticio');
    expect((await op('collectives.list', { text: 'copinh', limit: 5, offset: 0 })).total).toBe(1);
    expect((await errorOf(op('collectives.delete', { id: collective.id }))).code).toBe('conflict');
  });

  it('records consent per scope with who recorded it, and revokes it with a date', async () => {
    const { op } = await start();
    const person = await op('people.create', personSample);
    const consent = await op('consents.add', {
      personId: person.id,
      collectiveId: null,
      scope: 'iachr',
      identity: 'name',
      givenOn: '2026-03-15',
      method: 'written_in_person',
      notes: 'Firmó el formato',
    });
    expect(consent).toMatchObject({ recordedBy: DISPLAY_NAME, revokedAt: null, scope: 'iachr' });
    const revoked = await op('consents.revoke', { id: consent.id });
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await errorOf(op('consents.revoke', { id: consent.id }))).code).toBe('conflict');
    const list = await op('consents.list', { personId: person.id });
    expect(list.map((c) => c.id)).toEqual([consent.id]);
    const {
      id: _id,
      recordedBy: _r,
      revokedAt: _v,
      createdAt: _c,
      updatedAt: _u,
      ...fields
    } = consent;
    const badDate = await errorOf(op('consents.add', { ...fields, givenOn: '2026-02-30' }));
    expect(badDate.code).toBe('validation');
  });

  it('is locked when the vault is locked', async () => {
    const { op, call } = await start();
    await call('vault.lock');
    expect((await errorOf(op('people.list', { limit: 5, offset: 0 }))).code).toBe('locked');
  });
});
