import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Input } from '../../shared/contract';
import { codeOf, partneredOffices, type Office, vaultRows } from './support/exchange-core';
import {
  aggressionSample,
  caseSample,
  personSample,
  recordSamples,
} from './support/record-samples';
import { tempDir } from './support/temp-dir';

type ConsentInput = Input<'consents.add'>;
const sharing: Omit<ConsentInput, 'personId' | 'collectiveId'> = {
  scope: 'share_with_allies',
  identity: 'name',
  givenOn: '2026-03-15',
  method: 'verbal_in_person',
  notes: '',
};

/** A case whose aggression hit four defenders and a collective, each with a different consent. */
async function caseWithConsents(a: Office) {
  const none = await a.op('people.create', { ...personSample, name: 'Sin consentimiento' });
  const pseudonym = await a.op('people.create', { ...personSample, name: 'Solo con seudónimo' });
  const named = await a.op('people.create', { ...personSample, name: 'Con consentimiento' });
  const revoked = await a.op('people.create', { ...personSample, name: 'Lo retiró' });
  const collective = await a.op('collectives.create', {
    ...recordSamples['collectives.create'],
    name: 'Colectiva Guiigu Xhono',
  });
  const person = (id: string) => ({ personId: id, collectiveId: null });
  await a.op('consents.add', { ...person(pseudonym.id), ...sharing, identity: 'pseudonym' });
  await a.op('consents.add', { ...person(named.id), ...sharing });
  // Consent for another use does not cover this one.
  await a.op('consents.add', { ...person(none.id), ...sharing, scope: 'litigation' });
  const withdrawn = await a.op('consents.add', { ...person(revoked.id), ...sharing });
  await a.op('consents.revoke', { id: withdrawn.id });
  const victims = [none, pseudonym, named, revoked].map((p) => ({
    personId: p.id,
    collectiveId: null,
    role: 'direct' as const,
  }));
  const kase = await a.op('cases.create', {
    ...caseSample,
    aggressions: [
      {
        ...aggressionSample,
        victims: [...victims, { personId: null, collectiveId: collective.id, role: 'direct' }],
      },
    ],
    sources: [],
  });
  return { kase, none, pseudonym, named, revoked, collective };
}

describe('consent before records go to partner offices', () => {
  it('names who has not consented, and sends them only once the user accepted that list', async () => {
    const { a, cardB } = await partneredOffices();
    const { kase, none, pseudonym, revoked, collective } = await caseWithConsents(a);
    const scope = { caseIds: [kase.id] };

    const check = await a.op('exchange.exportCheck', { scope });
    expect(check).toMatchObject({ people: 4, collectives: 1, gapCount: 4 });
    expect(new Map(check.gaps.map((gap) => [gap.id, [gap.reason, gap.label]]))).toEqual(
      new Map([
        [none.id, ['no_consent', 'Sin consentimiento']],
        [pseudonym.id, ['identity', 'Solo con seudónimo']],
        [revoked.id, ['no_consent', 'Lo retiró']],
        [collective.id, ['no_consent', 'Colectiva Guiigu Xhono']],
      ]),
    );
    expect(check.token).toMatch(/^[0-9a-f]{64}$/);

    const folder = await tempDir();
    a.choose.folder = folder;
    const to = { partners: [cardB.fingerprint] };
    const reply = await a.core.dispatch('exchange.export', { jobId: randomUUID(), scope, to });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'consent_missing',
        fields: {
          [none.id]: 'no_consent',
          [pseudonym.id]: 'identity',
          [revoked.id]: 'no_consent',
          [collective.id]: 'no_consent',
        },
      },
    });
    // A token for some other list is no acceptance of this one.
    const other = 'f'.repeat(64);
    expect(
      await codeOf(
        a.op('exchange.export', { jobId: randomUUID(), scope, to, acceptedGaps: other }),
      ),
    ).toBe('consent_missing');
    expect(await readdir(folder)).toEqual([]);

    // The office's own copy under a passphrase hands nothing to anyone else.
    await a.op('exchange.export', {
      jobId: randomUUID(),
      scope,
      to: { passphrase: 'tortuga veleta naranjo cometa 83' },
    });
    expect(await readdir(folder)).toHaveLength(1);

    const sent = await a.op('exchange.export', {
      jobId: randomUUID(),
      scope,
      to,
      acceptedGaps: check.token!,
    });
    expect(sent).not.toBeNull();
    expect(await readdir(folder)).toHaveLength(2);
    const audit = await vaultRows(
      a,
      "SELECT changes FROM audit_log WHERE action = 'export' ORDER BY seq",
    );
    expect(audit.map((row) => JSON.parse(String(row['changes'])) as unknown)).toEqual([
      expect.not.objectContaining({ withoutConsent: expect.anything() }),
      expect.objectContaining({ withoutConsent: 4 }),
    ]);
  });

  it('asks again when the list changed since the user accepted it, and not at all once everyone consented', async () => {
    const { a, cardB } = await partneredOffices();
    const { kase, none, pseudonym, revoked, collective } = await caseWithConsents(a);
    const scope = { caseIds: [kase.id] };
    const before = await a.op('exchange.exportCheck', { scope });
    await a.op('consents.add', { personId: none.id, collectiveId: null, ...sharing });
    a.choose.folder = await tempDir();
    const to = { partners: [cardB.fingerprint] };
    expect(
      await codeOf(
        a.op('exchange.export', { jobId: randomUUID(), scope, to, acceptedGaps: before.token! }),
      ),
    ).toBe('consent_missing');

    await a.op('consents.add', { personId: pseudonym.id, collectiveId: null, ...sharing });
    await a.op('consents.add', { personId: revoked.id, collectiveId: null, ...sharing });
    await a.op('consents.add', { personId: null, collectiveId: collective.id, ...sharing });
    expect(await a.op('exchange.exportCheck', { scope })).toMatchObject({
      gaps: [],
      gapCount: 0,
      token: null,
    });
    expect(await a.op('exchange.export', { jobId: randomUUID(), scope, to })).not.toBeNull();
  });

  it('does not ask again for people going back to the office they came from, and does for anyone else', async () => {
    const { a, b, cardA, cardB } = await partneredOffices();
    const { kase, none, pseudonym, revoked, collective } = await caseWithConsents(a);
    const scope = { caseIds: [kase.id] };
    const toB = { partners: [cardB.fingerprint] };
    const check = await a.op('exchange.exportCheck', { scope, partners: toB.partners });
    expect(check.gapCount).toBe(4);
    a.choose.folder = await tempDir();
    await a.op('exchange.export', {
      jobId: randomUUID(),
      scope,
      to: toB,
      acceptedGaps: check.token!,
    });
    b.choose.file = join(a.choose.folder, (await readdir(a.choose.folder))[0]!);
    const preview = await b.op('exchange.preview', {});
    await b.op('exchange.apply', { importId: preview!.importId, acceptUnverified: false });

    // B's own person, without consent, in a case of B's own.
    const own = await b.op('people.create', { ...personSample, name: 'De la oficina B' });
    const ownCase = await b.op('cases.create', {
      ...caseSample,
      aggressions: [
        {
          ...aggressionSample,
          victims: [{ personId: own.id, collectiveId: null, role: 'direct' }],
        },
      ],
      sources: [],
    });
    const back = { caseIds: [kase.id, ownCase.id] };
    const toA = [cardA.fingerprint];
    const backCheck = await b.op('exchange.exportCheck', { scope: back, partners: toA });
    // Counted, but asked only of the one who never was at A.
    expect(backCheck).toMatchObject({ people: 5, collectives: 1, gapCount: 1 });
    expect(backCheck.gaps.map((gap) => gap.id)).toEqual([own.id]);
    // Those that came from A do not go to an office they did not come from without asking.
    const anywhere = await b.op('exchange.exportCheck', { scope: back });
    expect(new Set(anywhere.gaps.map((gap) => gap.id))).toEqual(
      new Set([none.id, pseudonym.id, revoked.id, collective.id, own.id]),
    );

    // The export itself agrees: only A's own case goes back without a word.
    b.choose.folder = await tempDir();
    expect(
      await b.op('exchange.export', { jobId: randomUUID(), scope, to: { partners: toA } }),
    ).not.toBeNull();
    expect(
      await codeOf(
        b.op('exchange.export', { jobId: randomUUID(), scope: back, to: { partners: toA } }),
      ),
    ).toBe('consent_missing');
    expect(
      await b.op('exchange.export', {
        jobId: randomUUID(),
        scope: back,
        to: { partners: toA },
        acceptedGaps: backCheck.token!,
      }),
    ).not.toBeNull();
  });
});
