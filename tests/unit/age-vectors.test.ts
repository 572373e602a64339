import * as vectors from 'cctv-age';
import { describe, expect, it } from 'vitest';
import { type AgeKey } from '../../electron/exchange/age-reader';
import { type AgeVector, parseVector, readAgeAsApp } from './support/age-vectors';
import { tempDir } from './support/temp-dir';

/**
 * The C2SP age test vectors (npm cctv-age, https://c2sp.org/CCTV/age) against the app's reader:
 * the header through age-reader.ts, the payload through the import's open thread. Every vector
 * runs unless it is listed here, by name, with the reason the app does not take such files.
 */
const ARMOR =
  'ASCII armor: the app reads and writes only binary age files (exports are files on a stick)';
const HYBRID =
  'only an ML-KEM-768 + X25519 hybrid identity (AGE-SECRET-KEY-PQ-1…) opens it: the app has X25519 offices and passphrases only';
const SKIPPED: Record<string, string> = {
  armor_crlf: ARMOR,
  armor_empty: ARMOR,
  armor_empty_last_line: ARMOR,
  armor_empty_line_begin: ARMOR,
  armor_empty_line_end: ARMOR,
  armor_eol_between_padding: ARMOR,
  armor_full_last_line: ARMOR,
  armor_garbage_encoded: ARMOR,
  armor_garbage_leading: ARMOR,
  armor_garbage_trailing: ARMOR,
  armor_header_crlf: ARMOR,
  armor_headers: ARMOR,
  armor_hybrid: ARMOR,
  armor_invalid_character_header: ARMOR,
  armor_invalid_character_payload: ARMOR,
  armor_long_line: ARMOR,
  armor_lowercase: ARMOR,
  armor_no_end_line: ARMOR,
  armor_no_eol: ARMOR,
  armor_no_match: ARMOR,
  armor_no_padding: ARMOR,
  armor_not_canonical: ARMOR,
  armor_pgp_checksum: ARMOR,
  armor_scrypt: ARMOR,
  armor_short_line: ARMOR,
  armor_whitespace_begin: ARMOR,
  armor_whitespace_end: ARMOR,
  armor_whitespace_eol: ARMOR,
  armor_whitespace_last_line: ARMOR,
  armor_whitespace_line_start: ARMOR,
  armor_whitespace_outside: ARMOR,
  armor_wrong_type: ARMOR,
  armor_x25519: ARMOR,
  hybrid: HYBRID,
  hybrid_and_x25519: HYBRID,
  hybrid_bad_tag: HYBRID,
  hybrid_currupted_enc_mlkem: HYBRID,
  hybrid_currupted_enc_x25519: HYBRID,
  hybrid_extra_argument: HYBRID,
  hybrid_grease: HYBRID,
  hybrid_identity: HYBRID,
  hybrid_long_file_key: HYBRID,
  hybrid_long_share: HYBRID,
  hybrid_low_order: HYBRID,
  hybrid_multiple_recipients: HYBRID,
  hybrid_no_match: HYBRID,
  hybrid_not_canonical_body: HYBRID,
  hybrid_not_canonical_enc: HYBRID,
  hybrid_short_share: HYBRID,
  hybrid_uppercase: HYBRID,
};

/** What the app says for a header that age refuses: which code depends on what is wrong. */
const HEADER_CODES = [
  'exchange_corrupt',
  'exchange_not_ours',
  'exchange_scrypt_not_alone',
  'exchange_scrypt_work_too_high',
  'exchange_scrypt_work_malformed',
];

/** Vectors whose header failure has its own, clearer code. */
const SPECIFIC: Record<string, string> = {
  scrypt_and_x25519: 'exchange_scrypt_not_alone',
  scrypt_double: 'exchange_scrypt_not_alone',
  scrypt_work_factor_23: 'exchange_scrypt_work_too_high',
  scrypt_work_factor_leading_zero_decimal: 'exchange_scrypt_work_malformed',
  scrypt_work_factor_leading_zero_octal: 'exchange_scrypt_work_malformed',
  scrypt_work_factor_leading_plus: 'exchange_scrypt_work_malformed',
  scrypt_work_factor_hex: 'exchange_scrypt_work_malformed',
  scrypt_work_factor_negative: 'exchange_scrypt_work_malformed',
  scrypt_work_factor_zero: 'exchange_scrypt_work_malformed',
  scrypt_work_factor_missing: 'exchange_scrypt_work_malformed',
  scrypt_work_factor_overflow: 'exchange_scrypt_work_too_high',
  scrypt_work_factor_trailing_garbage: 'exchange_scrypt_work_malformed',
  scrypt_work_factor_leading_garbage: 'exchange_scrypt_work_malformed',
};

const all = Object.entries(vectors as unknown as Record<string, Uint8Array>)
  .filter(([name]) => name !== 'default')
  .map(([name, raw]) => parseVector(name, raw));

const HYBRID_IDENTITY = /^AGE-SECRET-KEY-PQ-1/;
/** For vectors that name no key (their header fails before any key matters): some identity. */
const ANY_IDENTITY = 'AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0';

function keysOf(vector: AgeVector): AgeKey[] {
  const usable = vector.identities.filter((i) => !HYBRID_IDENTITY.test(i));
  // Hybrid identities are not ours to try; an X25519 one beside them is (hybrid_x25519_arg).
  const keys: AgeKey[] = [
    ...usable.map((identity) => ({ identity })),
    ...vector.passphrases.map((passphrase) => ({ passphrase })),
  ];
  return keys.length === 0 && vector.identities.length === 0 ? [{ identity: ANY_IDENTITY }] : keys;
}

describe('C2SP age test vectors (cctv-age) against the app reader', () => {
  it('the package holds the vectors, and each skip is of a vector the app cannot take', () => {
    expect(all.length).toBeGreaterThan(100);
    const names = new Set(all.map((v) => v.name));
    for (const name of Object.keys(SKIPPED)) expect(names.has(name), name).toBe(true);
    for (const vector of all) {
      const reason = SKIPPED[vector.name];
      const usable = keysOf(vector).length > 0;
      if (reason === ARMOR) expect(vector.armored, vector.name).toBe(true);
      else if (reason === HYBRID) expect(usable, vector.name).toBe(false);
      // Not skipped: binary, with a key the app can use.
      else
        expect({ name: vector.name, armored: vector.armored, usable }).toEqual({
          name: vector.name,
          armored: false,
          usable: true,
        });
    }
  });

  for (const vector of all) {
    const skip = SKIPPED[vector.name];
    it.skipIf(skip !== undefined)(
      `${vector.name}: ${vector.expect}${skip ? ` (skipped: ${skip})` : ''}`,
      async () => {
        const dir = await tempDir();
        const outcomes = [];
        expect(keysOf(vector).length).toBeGreaterThan(0);
        for (const key of keysOf(vector)) outcomes.push(await readAgeAsApp(dir, vector.file, key));
        const summary = JSON.stringify(outcomes);
        if (vector.expect === 'success') {
          expect(
            outcomes.some((o) => 'sha256' in o && o.sha256 === vector.payloadSha256),
            summary,
          ).toBe(true);
        } else if (vector.expect === 'no match') {
          expect(
            outcomes.every((o) => 'code' in o && o.code === 'exchange_wrong_key'),
            summary,
          ).toBe(true);
        } else if (vector.expect === 'header failure' || vector.expect === 'HMAC failure') {
          const wanted = SPECIFIC[vector.name];
          for (const outcome of outcomes) {
            expect(outcome, summary).toMatchObject({ stage: 'header' });
            if (wanted) expect(outcome, summary).toMatchObject({ code: wanted });
            else expect(HEADER_CODES, summary).toContain((outcome as { code: string }).code);
          }
        } else if (vector.expect === 'payload failure') {
          expect(
            outcomes.some(
              (o) => 'code' in o && o.stage === 'payload' && o.code === 'exchange_corrupt',
            ),
            summary,
          ).toBe(true);
        } else {
          throw new Error(`unknown expectation ${vector.expect}`);
        }
      },
    );
  }
});
