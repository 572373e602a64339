import { useEffect, useState } from 'react';
import { type PartnerView } from '../../../shared/contract/exchange';
import { type AppError } from '../../../shared/errors';
import { call, toAppError } from '../ipc/client';
import { personDisplayName } from '../records/values';

export type DossierSubject = { caseId: string } | { personId: string };

export interface SubjectInfo {
  /** The case title or the defender's name, for the heading. */
  title: string;
  /** People who may be named in it (the defender and every victim), to choose whom to hide. */
  people: { id: string; label: string }[];
  /** Verified partner offices a dossier can be encrypted to. */
  partners: PartnerView[];
}

async function victimsOf(caseIds: string[], found: Map<string, string>): Promise<void> {
  for (const caseId of caseIds) {
    const detail = await call('cases.get', { id: caseId });
    for (const aggression of detail.aggressions) {
      for (const victim of aggression.victims) {
        if (victim.personId !== null && !found.has(victim.personId)) {
          found.set(victim.personId, victim.label);
        }
      }
    }
  }
}

async function load(subject: DossierSubject): Promise<SubjectInfo> {
  let title: string;
  const found = new Map<string, string>();
  if ('caseId' in subject) {
    const detail = await call('cases.get', { id: subject.caseId });
    title = detail.title;
    await victimsOf([subject.caseId], found);
  } else {
    const person = await call('people.get', { id: subject.personId });
    title = personDisplayName(person).text;
    found.set(subject.personId, title);
    const cases = await call('cases.list', {
      personId: subject.personId,
      sort: 'updated_at',
      direction: 'desc',
      limit: 200,
      offset: 0,
    });
    await victimsOf(
      cases.rows.map((row) => row.id),
      found,
    );
  }
  const people = [...found].map(([id, label]) => ({ id, label }));
  const partners = (await call('partners.list', {})).filter((partner) => partner.verified);
  return { title, people, partners };
}

/** What the dossier screen needs to know about its subject before showing the form. */
export function useDossierSubject(subject: DossierSubject): {
  info: SubjectInfo | null;
  error: AppError | null;
} {
  const [info, setInfo] = useState<SubjectInfo | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const key = 'caseId' in subject ? `case:${subject.caseId}` : `person:${subject.personId}`;
  useEffect(() => {
    let active = true;
    const parsed: DossierSubject = key.startsWith('case:')
      ? { caseId: key.slice(5) }
      : { personId: key.slice(7) };
    load(parsed).then(
      (found) => {
        if (active) setInfo(found);
      },
      (thrown: unknown) => {
        if (active) setError(toAppError(thrown));
      },
    );
    return () => {
      active = false;
    };
  }, [key]);
  return { info, error };
}
