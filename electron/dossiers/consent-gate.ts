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
  // By subject first: an export of everything names thousands, each with their own consents.
  const bySubject = new Map<string, Consent[]>();
  for (const consent of consents) {
    if (consent.scope !== scope || consent.revokedAt !== null) continue;
    const subject = consent.personId ?? consent.collectiveId ?? '';
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), consent]);
  }
  const gaps: ConsentGap[] = [];
  for (const who of named) {
    const theirs = bySubject.get(who.id) ?? [];
    if (coveringConsent(theirs, who, scope)) continue;
    gaps.push({
      kind: who.kind,
      id: who.id,
      label: who.label,
      reason: theirs.length > 0 ? 'identity' : 'no_consent',
    });
  }
  return gaps;
}
