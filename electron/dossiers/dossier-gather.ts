import { type Aggression, type CaseResponse } from '../../shared/contract/case-parts';
import { type CaseRecord } from '../../shared/contract/cases';
import { type EvidenceItem } from '../../shared/contract/evidence';
import { type Collective, type Consent, type Person } from '../../shared/contract/people';
import { type Assessment } from '../../shared/contract/risk';
import { type Queryable } from '../database/sqlite';
import { listAggressions } from '../repositories/aggression-repository';
import { listCaseParts } from '../repositories/case-part-repository';
import { getCaseRecord } from '../repositories/case-repository';
import { getCollective } from '../repositories/collective-repository';
import { listConsents } from '../repositories/consent-repository';
import { listEvidence } from '../repositories/evidence-repository';
import { getPerson } from '../repositories/people-repository';
import { getAssessment } from '../repositories/risk-assessment-repository';
import { placeholders } from '../repositories/sql-rows';

export type DossierSubject = { caseId: string } | { personId: string };

/** Everything a dossier shows, read from the database on the main side (async SQL). */
export interface DossierData {
  cases: CaseRecord[];
  /** Oldest first. */
  aggressions: Aggression[];
  /** Oldest first. */
  responses: CaseResponse[];
  evidence: EvidenceItem[];
  /** Everyone named: the defender and every person who is a victim in these aggressions. */
  people: Person[];
  collectives: Collective[];
  /** `direct` when she is a direct victim of at least one of the aggressions. */
  directVictims: Set<string>;
  consents: Consent[];
  /** Whose profile the dossier gives: the defender, or the case's direct victims. */
  profiled: string[];
  /** The latest assessment of each profiled person that has one. */
  risk: Assessment[];
  /** All aggressions the network recorded in the same countries and years (context). */
  network: { country: string; from: string; to: string; count: number }[];
}

async function caseIdsOf(db: Queryable, subject: DossierSubject): Promise<string[]> {
  if ('caseId' in subject) return [subject.caseId];
  await getPerson(db, subject.personId); // not_found before anything else
  const rows = await db.all(
    `SELECT DISTINCT a.case_id FROM aggression_victims v JOIN aggressions a ON a.id = v.aggression_id
     WHERE v.person_id = ? ORDER BY a.case_id`,
    [subject.personId],
  );
  return rows.map((r) => String(r['case_id']));
}

export async function gatherDossier(
  db: Queryable,
  subject: DossierSubject,
  today: string,
): Promise<DossierData> {
  const caseIds = await caseIdsOf(db, subject);
  const cases: CaseRecord[] = [];
  const aggressions: Aggression[] = [];
  const responses: CaseResponse[] = [];
  const evidence: EvidenceItem[] = [];
  for (const id of caseIds) {
    cases.push(await getCaseRecord(db, id));
    aggressions.push(...(await listAggressions(db, id)));
    responses.push(...(await listCaseParts(db, id)).responses);
    evidence.push(...(await listEvidence(db, id)));
  }
  aggressions.sort(
    (a, b) => byDate(a.occurredOn, b.occurredOn) || byDate(a.createdAt, b.createdAt),
  );
  responses.sort((a, b) => byDate(a.doneOn, b.doneOn) || byDate(a.createdAt, b.createdAt));

  const personIds = new Set<string>('personId' in subject ? [subject.personId] : []);
  const collectiveIds = new Set<string>();
  const directVictims = new Set<string>();
  for (const aggression of aggressions) {
    for (const victim of aggression.victims) {
      if (victim.personId) personIds.add(victim.personId);
      if (victim.personId && victim.role === 'direct') directVictims.add(victim.personId);
      if (victim.collectiveId) collectiveIds.add(victim.collectiveId);
    }
  }
  const people = await Promise.all([...personIds].map((id) => getPerson(db, id)));
  const collectives = await Promise.all([...collectiveIds].map((id) => getCollective(db, id)));
  const consents: Consent[] = [];
  for (const id of personIds) consents.push(...(await listConsents(db, { personId: id })));
  for (const id of collectiveIds) consents.push(...(await listConsents(db, { collectiveId: id })));
  const profiled = 'personId' in subject ? [subject.personId] : [...directVictims];
  return {
    cases,
    aggressions,
    responses,
    evidence,
    people,
    collectives,
    directVictims,
    consents,
    profiled,
    risk: await latestAssessments(db, profiled, today),
    network: await networkCounts(db, aggressions),
  };
}

function byDate(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function latestAssessments(db: Queryable, personIds: string[], today: string) {
  const found: Assessment[] = [];
  for (const personId of personIds) {
    const row = await db.get(
      `SELECT id FROM risk_assessments WHERE person_id = ?
       ORDER BY assessed_on DESC, created_at DESC LIMIT 1`,
      [personId],
    );
    if (row) found.push(await getAssessment(db, String(row['id']), today));
  }
  return found;
}

/** Counts over the same countries and whole years as the dossier's aggressions. */
async function networkCounts(db: Queryable, aggressions: Aggression[]) {
  const countries = [...new Set(aggressions.flatMap((a) => (a.country ? [a.country] : [])))];
  const first = aggressions[0]?.occurredOn;
  const last = aggressions.at(-1)?.occurredOn;
  if (countries.length === 0 || !first || !last) return [];
  const from = `${first.slice(0, 4)}-01-01`;
  const to = `${last.slice(0, 4)}-12-31`;
  const rows = await db.all(
    `SELECT country, count(*) AS n FROM aggressions
     WHERE country IN (${placeholders(countries.length)}) AND occurred_on BETWEEN ? AND ?
     GROUP BY country ORDER BY country`,
    [...countries, from, to],
  );
  return rows.map((r) => ({ country: String(r['country']), from, to, count: Number(r['n']) }));
}
