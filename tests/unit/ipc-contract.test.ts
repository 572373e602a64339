import { describe, expect, it } from 'vitest';
import { contract, operationNames, type Input, type OperationName } from '../../shared/contract';
import { createDispatcher, type Handlers } from '../../electron/ipc/dispatcher';
import { AppFailure } from '../../shared/errors';
import { dossierSamples } from './support/dossier-samples';
import { exchangeSamples } from './support/exchange-samples';
import { recordSamples } from './support/record-samples';
import { riskSamples } from './support/risk-samples';

/** One valid request per operation. A new operation without a sample fails the first test. */
const samples: { [O in OperationName]: Input<O> } = {
  'app.status': {},
  'app.panicShortcut': {},
  'vault.create': { officeName: 'Red', displayName: 'Ana', passphrase: 'una frase larga y rara' },
  'vault.unlock': { passphrase: 'una frase larga y rara' },
  'vault.recover': { recoveryKey: 'ABCD-EFGH', newPassphrase: 'otra frase larga y rara' },
  'vault.lock': {},
  'vault.changePassphrase': { currentPassphrase: 'a', newPassphrase: 'b' },
  'vault.newRecoveryKey': {},
  'vault.copyRecoveryKey': {},
  'vault.confirmRecoveryKey': { groupIndex: 1, group: 'ABCD' },
  'preferences.get': {},
  'preferences.update': { language: 'en', idleMinutes: 10 },
  ...recordSamples,
  ...exchangeSamples,
  ...riskSamples,
  ...dossierSamples,
  'drafts.save': { formKey: 'case:new', data: '{"title":"Amenazas"}' },
  'drafts.get': { formKey: 'case:new' },
  'drafts.discard': { formKey: 'case:new' },
};

function recordingDispatcher() {
  const calls: string[] = [];
  const logs: string[] = [];
  const handlers = Object.fromEntries(
    operationNames.map((name) => [
      name,
      async () => {
        calls.push(name);
        throw new AppFailure('internal');
      },
    ]),
  ) as unknown as Handlers;
  return { calls, logs, dispatch: createDispatcher(handlers, (message) => logs.push(message)) };
}

const HUGE = 'x'.repeat(2 * 1024 * 1024);

/** Ways to break a valid payload: each must be refused before the handler runs. */
function malformedVariants(sample: Record<string, unknown>): [string, unknown][] {
  const variants: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'hola'],
    ['a number', 7],
    ['an array', [sample]],
    ['an extra field', { ...sample, extra: true }],
    ['a prototype-polluting field', JSON.parse('{"__proto__": {"admin": true}, "constructor": 1}')],
  ];
  for (const [key, value] of Object.entries(sample)) {
    const { [key]: _dropped, ...rest } = sample;
    variants.push([`without ${key}`, rest]);
    variants.push([
      `${key} of the wrong type`,
      { ...sample, [key]: typeof value === 'number' ? 'uno' : 12345 },
    ]);
    variants.push([`${key} as an object`, { ...sample, [key]: { nested: value } }]);
    if (typeof value === 'string') variants.push([`${key} huge`, { ...sample, [key]: HUGE }]);
    if (typeof value === 'number')
      variants.push([`${key} out of range`, { ...sample, [key]: 1e9 }]);
  }
  return variants;
}

function isOptional(
  operation: OperationName,
  key: string,
  sample: Record<string, unknown>,
): boolean {
  const { [key]: _dropped, ...rest } = sample;
  return contract[operation].input.safeParse(rest).success;
}

describe('the IPC contract', () => {
  it('has a valid sample for every operation (so every operation is tested below)', () => {
    for (const name of operationNames) {
      expect(contract[name].input.safeParse(samples[name]).success, name).toBe(true);
    }
  });

  it('lets a valid request through to its handler (the control for the refusals)', async () => {
    const { calls, dispatch } = recordingDispatcher();
    for (const name of operationNames) await dispatch(name, samples[name]);
    expect(calls).toEqual(operationNames);
  });

  for (const name of operationNames) {
    it(`refuses malformed payloads for ${name} without reaching the handler`, async () => {
      const sample = samples[name] as Record<string, unknown>;
      const { calls, dispatch, logs } = recordingDispatcher();
      for (const [label, payload] of malformedVariants(sample)) {
        if (label.startsWith('without ') && isOptional(name, label.slice(8), sample)) continue;
        const reply = await dispatch(name, payload);
        expect(reply.ok, `${name}: ${label}`).toBe(false);
        if (!reply.ok) {
          expect(reply.error.code, `${name}: ${label}`).toBe('validation');
          expect(reply.error.messageKey).toBe('errors.validation');
        }
      }
      expect(calls).toEqual([]);
      expect(logs.every((line) => line === 'ipc: refused malformed payload')).toBe(true);
    });
  }

  it('refuses and logs an unknown operation', async () => {
    const { calls, dispatch, logs } = recordingDispatcher();
    for (const name of ['vault.delete', '__proto__', 'constructor', 42, null, 'toString']) {
      const reply = await dispatch(name, {});
      expect(reply).toEqual({
        ok: false,
        error: { code: 'unknown_operation', messageKey: 'errors.unknown_operation' },
      });
    }
    expect(calls).toEqual([]);
    expect(logs).toHaveLength(6);
  });

  it("says this computer's disk is full, whatever part of main ran out of space", async () => {
    const failures = [
      Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        syscall: 'write',
      }),
      // How @journeyapps/sqlcipher reports a database that cannot grow.
      Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' }),
    ];
    for (const failure of failures) {
      const handlers = Object.fromEntries(
        operationNames.map((n) => [n, async () => Promise.reject(failure)]),
      ) as unknown as Handlers;
      const reply = await createDispatcher(handlers, () => undefined)('app.status', {});
      expect(reply, failure.message).toEqual({
        ok: false,
        error: { code: 'disk_full', messageKey: 'errors.disk_full' },
      });
    }
  });

  it('answers a failing handler with a code and a key, never the message or a stack', async () => {
    const handlers = Object.fromEntries(
      operationNames.map((n) => [
        n,
        async () => Promise.reject(new Error('secret detail /home/x')),
      ]),
    ) as unknown as Handlers;
    const reply = await createDispatcher(handlers, () => undefined)('app.status', {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', messageKey: 'errors.internal' },
    });
  });
});
