import { type PartnerView } from '../../shared/contract/exchange';
import { type Database } from '../database/sqlite';
import { readOffice } from '../repositories/office-repository';
import { cardText, fingerprintOf, spokenFingerprint, type OfficeCard } from './office-card';
import { ensureOfficeKeys, readOfficeKeys, type OfficeKeys } from './office-keys';
import { type Partner } from './partner-repository';

/** The office keys, created now for a vault made before offices had keys. */
export async function officeKeys(db: Database): Promise<OfficeKeys> {
  return (await readOfficeKeys(db)) ?? (await db.transaction((tx) => ensureOfficeKeys(tx)));
}

export async function ownCard(db: Database) {
  const keys = await officeKeys(db);
  const card: OfficeCard = {
    name: (await readOffice(db)).officeName,
    ageRecipient: keys.ageRecipient,
    signingPublic: keys.signingPublic,
  };
  const fingerprint = fingerprintOf(card);
  return {
    ...card,
    fingerprint,
    spokenFingerprint: spokenFingerprint(fingerprint),
    text: cardText(card),
    keys,
  };
}

export function partnerView(partner: Partner): PartnerView {
  return {
    fingerprint: partner.fingerprint,
    spokenFingerprint: spokenFingerprint(partner.fingerprint),
    name: partner.name,
    cardName: partner.cardName,
    verified: partner.verifiedAt !== null,
    verifiedAt: partner.verifiedAt,
    addedAt: partner.addedAt,
  };
}
