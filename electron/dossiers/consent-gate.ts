import { type ConsentGap } from '../../shared/contract/dossiers';
import { type Consent } from '../../shared/contract/people';
import { type ConsentIdentity, type ConsentScope } from '../../shared/vocabularies';
import { type DossierData } from './dossier-gather';
import { type Naming, type ShownAs } from './redaction';

/** Someone the dossier names, and how. */
export interface Named {
  kind: 'person' | 'collective';
  id: string;
  label: string;
  shownAs: ShownAs;
}

export function namedIn(data: DossierData, naming: Naming): Named[] {
  return [
    ...data.people.map((p): Named => ({
      kind: 'person',
      id: p.id,
      label: naming.label(p.id),
      shownAs: naming.shownAs(p.id),
    })),
    // Collectives have no pseudonym: they are always named.
    ...data.collectives.map((c): Named => ({
      kind: 'collective',
      id: c.id,
      label: c.name,
      shownAs: 'name',
    })),
  ];
}

/** How much of her identity a consent lets the dossier show. */
const REVEALS: Record<ConsentIdentity | ShownAs, number> = { anonymous: 0, pseudonym: 1, name: 2 };

/** The unrevoked consent for `scope` that allows showing her as the dossier does, if any. */
export function coveringConsent(
  consents: readonly Consent[],
  who: Named,
  scope: ConsentScope,
): Consent | undefined {
  return consents.find(
    (c) =>
      (who.kind === 'person' ? c.personId : c.collectiveId) === who.id &&
      c.scope === scope &&
      c.revokedAt === null &&
      REVEALS[c.identity] >= REVEALS[who.shownAs],
  );
}

/**
 * Everyone named needs an unrevoked consent for this destination (a new use needs new consent)
 * that allows at least as much as the dossier shows: a consent "by pseudonym" does not cover
 * being named. The gaps are listed with the label the dossier would use (already redacted).
 */
export function consentGaps(
  named: readonly Named[],
  consents: readonly Consent[],
  scope: ConsentScope,
): ConsentGap[] {
  const gaps: ConsentGap[] = [];
  for (const who of named) {
    if (coveringConsent(consents, who, scope)) continue;
    const any = consents.some(
      (c) =>
        (who.kind === 'person' ? c.personId : c.collectiveId) === who.id &&
        c.scope === scope &&
        c.revokedAt === null,
    );
    gaps.push({
      kind: who.kind,
      id: who.id,
      label: who.label,
      reason: any ? 'identity' : 'no_consent',
    });
  }
  return gaps;
}
