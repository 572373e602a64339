import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppFailure } from '../../shared/errors';

export const CARD_FORMAT = 'resguardo-office-card';
export const CARD_VERSION = 1;
/** Upper bound on a card file: a real one is well under 1 KiB. */
export const CARD_MAX_BYTES = 16 * 1024;

const cardSchema = z.strictObject({
  format: z.literal(CARD_FORMAT),
  version: z.literal(CARD_VERSION),
  name: z.string().trim().min(1).max(200),
  // age X25519 recipient: bech32, "age1" + 58 characters.
  ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
  signingPublic: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});

export interface OfficeCard {
  name: string;
  ageRecipient: string;
  signingPublic: string;
}

/**
 * The fingerprint covers the keys only: the name is a label each office may change, the keys
 * are the identity. Hex SHA-256, stored as the partner's id.
 */
export function fingerprintOf(card: Pick<OfficeCard, 'ageRecipient' | 'signingPublic'>): string {
  return createHash('sha256')
    .update(`${CARD_FORMAT}/v${CARD_VERSION}\n${card.ageRecipient}\n${card.signingPublic}\n`)
    .digest('hex');
}

/**
 * Six groups of four digits, read aloud over the phone: the first 128 bits of the fingerprint as
 * a number, modulo 10^24 (the bias is negligible next to 2^128).
 */
export function spokenFingerprint(fingerprint: string): string {
  const digits = (BigInt(`0x${fingerprint.slice(0, 32)}`) % 10n ** 24n)
    .toString()
    .padStart(24, '0');
  return digits.match(/.{4}/g)?.join(' ') ?? digits;
}

/** The card as a file: small, readable JSON with a trailing newline. */
export function cardText(card: OfficeCard): string {
  const value = { format: CARD_FORMAT, version: CARD_VERSION, ...card };
  return `${JSON.stringify(cardSchema.parse(value), null, 2)}\n`;
}

export function parseCard(text: string): OfficeCard {
  if (text.length > CARD_MAX_BYTES) throw new AppFailure('partner_card_invalid');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppFailure('partner_card_invalid');
  }
  const parsed = cardSchema.safeParse(value);
  if (!parsed.success) throw new AppFailure('partner_card_invalid');
  const { name, ageRecipient, signingPublic } = parsed.data;
  return { name, ageRecipient, signingPublic };
}
