import { AppFailure } from '../../shared/errors';
import { type Queryable } from '../database/sqlite';
import { fingerprintOf, type OfficeCard } from './office-card';

export interface Partner {
  fingerprint: string;
  /** The local label (the user may rename it); `cardName` is what the office called itself. */
  name: string;
  cardName: string;
  ageRecipient: string;
  signingPublic: string;
  verifiedAt: string | null;
  addedAt: string;
}

function toPartner(row: Record<string, unknown>): Partner {
  return {
    fingerprint: String(row['fingerprint']),
    name: String(row['name']),
    cardName: String(row['card_name']),
    ageRecipient: String(row['age_recipient']),
    signingPublic: String(row['signing_public']),
    verifiedAt: row['verified_at'] === null ? null : String(row['verified_at']),
    addedAt: String(row['added_at']),
  };
}

/** Adding a card already known keeps its verification: the keys, hence the identity, are equal. */
export async function addPartner(
  tx: Queryable,
  card: OfficeCard,
  at = new Date().toISOString(),
): Promise<Partner> {
  const fingerprint = fingerprintOf(card);
  await tx.run(
    `INSERT INTO partners (fingerprint, name, card_name, age_recipient, signing_public, verified_at, added_at)
     VALUES (?, ?, ?, ?, ?, NULL, ?) ON CONFLICT(fingerprint) DO UPDATE SET card_name = excluded.card_name`,
    [fingerprint, card.name, card.name, card.ageRecipient, card.signingPublic, at],
  );
  return getPartner(tx, fingerprint);
}

export async function findPartner(db: Queryable, fingerprint: string): Promise<Partner | null> {
  const row = await db.get('SELECT * FROM partners WHERE fingerprint = ?', [fingerprint]);
  return row ? toPartner(row) : null;
}

export async function getPartner(db: Queryable, fingerprint: string): Promise<Partner> {
  const partner = await findPartner(db, fingerprint);
  if (!partner) throw new AppFailure('not_found');
  return partner;
}

export async function listPartners(db: Queryable): Promise<Partner[]> {
  const rows = await db.all('SELECT * FROM partners ORDER BY name COLLATE NOCASE, fingerprint');
  return rows.map(toPartner);
}

export async function setPartnerVerified(tx: Queryable, fingerprint: string, at: string) {
  const result = await tx.run('UPDATE partners SET verified_at = ? WHERE fingerprint = ?', [
    at,
    fingerprint,
  ]);
  if (result.changes === 0) throw new AppFailure('not_found');
}

export async function renamePartner(tx: Queryable, fingerprint: string, name: string) {
  const result = await tx.run('UPDATE partners SET name = ? WHERE fingerprint = ?', [
    name,
    fingerprint,
  ]);
  if (result.changes === 0) throw new AppFailure('not_found');
}

/** The sender's replay counter (exchange_senders) stays: removing a partner must not reset it. */
export async function removePartner(tx: Queryable, fingerprint: string) {
  const result = await tx.run('DELETE FROM partners WHERE fingerprint = ?', [fingerprint]);
  if (result.changes === 0) throw new AppFailure('not_found');
}
