import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type * as HkdfModule from '../../electron/crypto/hkdf';
import type * as X25519Module from '../../electron/crypto/x25519';
import type * as ChachaModule from '../../electron/crypto/chacha20-poly1305';
import type * as Bech32Module from '../../electron/exchange/bech32';
import type * as NodeCrypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildHeader } from '../../electron/exchange/age-header';
import { openHeader } from '../../electron/exchange/age-reader';
import { generateOfficeKeys } from '../../electron/office/office-keys';

/**
 * The key-zeroing policy (docs/key-handling.md), where JavaScript lets it be seen: every key
 * derived or decoded while an age header is written or read is all zeros afterwards, on success
 * and on a throw, except what the function hands back (the caller's to zero). The derivations
 * are the app's own; they are only watched here.
 */
const made = vi.hoisted(() => [] as { what: string; bytes: Uint8Array }[]);
const keep = (what: string, bytes: Uint8Array | null | undefined) => {
  if (bytes) made.push({ what, bytes });
  return bytes;
};

vi.mock('../../electron/crypto/hkdf', async (original) => {
  const real = await original<typeof HkdfModule>();
  return {
    hkdfSha256: (...args: Parameters<typeof real.hkdfSha256>) =>
      keep(`hkdf ${String(args[2])}`, real.hkdfSha256(...args)),
  };
});
vi.mock('../../electron/crypto/x25519', async (original) => {
  const real = await original<typeof X25519Module>();
  return {
    ...real,
    x25519Shared: (...args: Parameters<typeof real.x25519Shared>) =>
      keep('x25519 shared', real.x25519Shared(...args)),
  };
});
vi.mock('../../electron/crypto/chacha20-poly1305', async (original) => {
  const real = await original<typeof ChachaModule>();
  return {
    ...real,
    chachaOpen: (...args: Parameters<typeof real.chachaOpen>) =>
      keep('opened file key', real.chachaOpen(...args)),
  };
});
vi.mock('../../electron/exchange/bech32', async (original) => {
  const real = await original<typeof Bech32Module>();
  return {
    ...real,
    bech32Decode: (text: string) => {
      const decoded = real.bech32Decode(text);
      if (decoded.prefix === 'age-secret-key-') keep('decoded identity', decoded.bytes);
      return decoded;
    },
  };
});
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof NodeCrypto>();
  type Callback = (error: Error | null, key: Buffer) => void;
  return {
    ...real,
    scrypt: (...args: unknown[]) => {
      const callback = args.pop() as Callback;
      (real.scrypt as (...a: unknown[]) => void)(...args, (error: Error | null, key: Buffer) =>
        callback(error, keep('scrypt key', key) as Buffer),
      );
    },
  };
});

/** What is left unzeroed, but for the buffers handed back. */
function notZeroed(handedBack: Uint8Array[]): string[] {
  return made
    .filter(({ bytes }) => !handedBack.includes(bytes) && bytes.some((byte) => byte !== 0))
    .map(({ what }) => what);
}

/** The same header with a well-formed MAC made from another key. */
function withWrongMac(header: Buffer): Buffer {
  const text = header.toString('latin1');
  const withoutMac = text.slice(0, text.lastIndexOf('---') + 3);
  const macKey = Buffer.from(hkdfSync('sha256', randomBytes(16), Buffer.alloc(0), 'header', 32));
  const mac = createHmac('sha256', macKey).update(withoutMac).digest('base64').replace(/=+$/, '');
  return Buffer.from(`${withoutMac} ${mac}\n`, 'latin1');
}

const nonce = () => randomBytes(16);

beforeEach(() => {
  made.length = 0;
});

describe('key zeroing while age headers are written and read', () => {
  it('X25519: wrap keys, shared secrets, the MAC key and the decoded identity', async () => {
    const ours = await generateOfficeKeys();
    const other = await generateOfficeKeys();
    made.length = 0;
    const { header, fileKey } = await buildHeader({
      recipients: [other.ageRecipient, ours.ageRecipient],
    });
    expect(made.map((m) => m.what)).toContain('hkdf header');
    expect(notZeroed([fileKey])).toEqual([]);

    made.length = 0;
    const opened = await openHeader(Buffer.concat([header, nonce()]), {
      identity: ours.ageIdentity,
    });
    expect(opened).not.toBeNull();
    const seen = made.map((m) => m.what);
    for (const what of [
      'decoded identity',
      'x25519 shared',
      'hkdf age-encryption.org/v1/X25519',
      'hkdf header',
      'opened file key',
    ]) {
      expect(seen).toContain(what);
    }
    expect(notZeroed([opened!.payloadKey])).toEqual([]);
    expect(opened!.payloadKey.some((byte) => byte !== 0)).toBe(true);
  });

  it('X25519, on a throw (a wrong MAC): nothing is left, the file key included', async () => {
    const ours = await generateOfficeKeys();
    const { header } = await buildHeader({ recipients: [ours.ageRecipient] });
    made.length = 0;
    const failure = openHeader(Buffer.concat([withWrongMac(header), nonce()]), {
      identity: ours.ageIdentity,
    });
    await expect(failure).rejects.toMatchObject({ code: 'exchange_corrupt' });
    expect(made.map((m) => m.what)).toContain('opened file key');
    expect(notZeroed([])).toEqual([]);
  });

  it('scrypt: the wrap key and the MAC key, written and read, and on a wrong MAC', async () => {
    const passphrase = 'nueve colibríes en la ventana del taller';
    const { header, fileKey } = await buildHeader({ passphrase });
    expect(made.map((m) => m.what)).toContain('scrypt key');
    expect(notZeroed([fileKey])).toEqual([]);

    made.length = 0;
    const opened = await openHeader(Buffer.concat([header, nonce()]), { passphrase });
    expect(made.map((m) => m.what)).toEqual(
      expect.arrayContaining(['scrypt key', 'opened file key', 'hkdf header', 'hkdf payload']),
    );
    expect(notZeroed([opened!.payloadKey])).toEqual([]);

    made.length = 0;
    await expect(
      openHeader(Buffer.concat([withWrongMac(header), nonce()]), { passphrase }),
    ).rejects.toMatchObject({ code: 'exchange_corrupt' });
    expect(notZeroed([])).toEqual([]);
  });
});
