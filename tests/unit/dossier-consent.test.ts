import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Input } from '../../shared/contract';
import { consentFor, dossierCase, PSEUDONYM, REQUEST } from './support/dossier-fixture';
import { errorOf } from './support/test-core';
import { startRecordsCore } from './support/records-core';

function spec(
  caseId: string,
  template: Input<'dossiers.check'>['template'],
  pseudonymize: string[] = [],
) {
  return {
    subject: { caseId },
    template,
    language: 'es' as const,
    redaction: { pseudonymize, includeContacts: false, includeExactPlaces: false },
  };
}

describe('the consent gate', () => {
  it('blocks a dossier until everyone named consented to that destination, and says who', async () => {
    const running = await startRecordsCore();
    const { rosa, son, caseId } = await dossierCase(running);
    running.dialogs.save = join(running.dir, 'out.pdf');
    const generate = (template: Input<'dossiers.check'>['template'], pseudonymize: string[] = []) =>
      running.op('dossiers.generate', {
        ...spec(caseId, template, pseudonymize),
        request: REQUEST,
        to: { plain: true },
      });

    const none = await errorOf(generate('iachr'));
    expect(none.code).toBe('consent_missing');
    expect(none.fields).toEqual({ [rosa.id]: 'no_consent', [son.id]: 'no_consent' });

    // Consent to the mechanism does not cover the IACHR: a new use needs new consent.
    await running.op('consents.add', consentFor(rosa.id, 'protection_mechanism'));
    await running.op('consents.add', consentFor(son.id, 'protection_mechanism'));
    expect((await errorOf(generate('iachr'))).code).toBe('consent_missing');
    expect(await generate('protection_mechanism')).not.toBeNull();

    // Consent "by pseudonym" does not allow naming her; it allows her pseudonym.
    await running.op('consents.add', consentFor(rosa.id, 'iachr', 'pseudonym'));
    await running.op('consents.add', consentFor(son.id, 'iachr'));
    const check = await running.op('dossiers.check', spec(caseId, 'iachr'));
    expect(check.scope).toBe('iachr');
    expect(check.named).toBe(2);
    expect(check.gaps).toEqual([
      { kind: 'person', id: rosa.id, label: 'Rosa Itzel Méndez', reason: 'identity' },
    ]);
    expect((await errorOf(generate('iachr'))).fields).toEqual({ [rosa.id]: 'identity' });
    const redacted = await running.op('dossiers.check', spec(caseId, 'iachr', [rosa.id]));
    expect(redacted.gaps).toEqual([]);
    expect(await generate('iachr', [rosa.id])).not.toBeNull();

    // A revoked consent covers nothing.
    const sonConsents = await running.op('consents.list', { personId: son.id });
    await running.op('consents.revoke', { id: sonConsents.find((c) => c.scope === 'iachr')!.id });
    const revoked = await running.op('dossiers.check', spec(caseId, 'iachr', [rosa.id]));
    expect(revoked.gaps.map((g) => [g.id, g.reason])).toEqual([[son.id, 'no_consent']]);

    // The general template goes to courts and prosecutors: it needs consent to litigation.
    const general = await running.op('dossiers.check', spec(caseId, 'general', [rosa.id]));
    expect(general.scope).toBe('litigation');
    expect(general.gaps.map((g) => g.label).sort()).toEqual(['Tomás Peña Ruiz', PSEUDONYM]);
    await running.core.close();
  });

  it('writes nothing and records nothing when the gate blocks or the user cancels', async () => {
    const running = await startRecordsCore();
    const { rosa, son, caseId } = await dossierCase(running);
    const request = { ...spec(caseId, 'iachr'), request: REQUEST, to: { plain: true as const } };
    running.dialogs.save = join(running.dir, 'blocked.pdf');
    expect((await errorOf(running.op('dossiers.generate', request))).code).toBe('consent_missing');
    expect(existsSync(join(running.dir, 'blocked.pdf'))).toBe(false);
    await running.op('consents.add', consentFor(rosa.id, 'iachr'));
    await running.op('consents.add', consentFor(son.id, 'iachr'));
    running.dialogs.save = null;
    expect(await running.op('dossiers.generate', request)).toBeNull();
    const history = await running.op('audit.history', { entityId: caseId });
    expect(history.filter((e) => e.entity === 'dossier')).toEqual([]);
    await running.core.close();
  });
});
