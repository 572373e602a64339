import { randomUUID } from 'node:crypto';
import { type AggressionFields } from '../../shared/contract/case-parts';
import { type CaseFields } from '../../shared/contract/cases';
import { type PersonFields } from '../../shared/contract/people';
import * as vocab from '../../shared/vocabularies';
import { toColumns } from '../../electron/repositories/sql-rows';
import { type RowBuffer } from './bulk-insert';
import * as names from './names';
import { COUNTRY_WEIGHTS, EXACT_PLACES, PLACES } from './places';
import { type Random } from './random';
import { caseTitle, narrative, NOTES, OUTCOMES, PERPETRATOR_DESCRIPTIONS } from './texts';

export interface Pools {
  people: string[];
  collectives: string[];
}

const DAY = 86_400_000;
export const START = Date.UTC(2012, 0, 1);
export const END = Date.UTC(2026, 9, 31);

/** Code i of a vocabulary, cycling: the first rows use every code, so the set is complete. */
export const nth = <T>(codes: readonly T[], i: number): T => codes[i % codes.length] as T;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const unique = <T>(list: T[]) => list.filter((c, k) => list.indexOf(c) === k);

/** Same column mapping as the repositories (toColumns), plus id and stamps. */
function row(fields: Record<string, unknown>, at: string, updatedAt = at) {
  const columns = toColumns(fields);
  const plain: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(columns)) {
    if (typeof value === 'bigint' || Buffer.isBuffer(value)) throw new Error(`bulk row: ${key}`);
    plain[key] = value;
  }
  return { id: randomUUID(), ...plain, created_at: at, updated_at: updatedAt };
}

function place(random: Random, country: vocab.Country) {
  const departments = PLACES[country] ?? {};
  const department = random.pick(Object.keys(departments));
  return { country, department, municipality: random.pick(departments[department] ?? ['']) };
}

export function addCollective(rows: RowBuffer, random: Random, i: number): string {
  const where = place(random, random.pick(COUNTRY_WEIGHTS));
  const collective = row(
    {
      name: `${random.pick(names.COLLECTIVE_NAMES)} ${where.municipality}`,
      kind: nth(vocab.collectiveKind.codes, i),
      ...where,
      rightsDefended: random.sample(vocab.rightDefended.codes, random.int(1, 2)),
      description: '',
      confidentiality: nth(vocab.confidentiality.codes, i),
    },
    new Date(START).toISOString(),
  );
  rows.add('collectives', collective);
  return collective.id;
}

export function addPerson(rows: RowBuffer, random: Random, i: number, pools: Pools, actor: string) {
  const pseudonymOnly = i % 7 === 3;
  const fields: PersonFields = {
    name: pseudonymOnly
      ? null
      : `${random.pick(names.FIRST_NAMES)} ${random.pick(names.SURNAMES)} ${random.pick(names.SURNAMES)}`,
    pseudonym: pseudonymOnly || random.chance(0.3) ? random.pick(names.PSEUDONYMS) : null,
    genderIdentity: i < 20 || random.chance(0.15) ? nth(vocab.genderIdentity.codes, i) : 'woman',
    ageRange: nth(vocab.ageRange.codes, i),
    ethnicIdentity: random.chance(0.6) ? random.pick(names.ETHNIC_IDENTITIES) : null,
    ...place(random, random.pick(COUNTRY_WEIGHTS)),
    organization: random.pick(names.ORGANIZATIONS),
    collectiveId: random.chance(0.3) ? random.pick(pools.collectives) : null,
    movement: random.pick(names.MOVEMENTS),
    rightsDefended: unique([
      nth(vocab.rightDefended.codes, i),
      random.pick(vocab.rightDefended.codes),
    ]),
    contactChannels: [
      {
        kind: nth(vocab.contactChannel.codes, i),
        value: `+502 ${random.int(2000, 9999)} ${random.int(1000, 9999)}`,
        sensitive: true,
      },
    ],
    confidentiality: nth(vocab.confidentiality.codes, i + 2),
  };
  const at = new Date(START + random.next() * (END - START)).toISOString();
  const person = row(fields, at);
  rows.add('people', person);
  pools.people.push(person.id);
  if (i % 2 === 0) {
    const k = i / 2;
    rows.add('consents', {
      ...row(
        {
          personId: person.id,
          collectiveId: null,
          scope: nth(vocab.consentScope.codes, k),
          identity: nth(vocab.consentIdentity.codes, k),
          givenOn: at.slice(0, 10),
          method: nth(vocab.consentMethod.codes, k),
          notes: '',
          recordedBy: actor,
          // Every third consent of the first ones revoked, so revocations show in demos.
          revokedAt: k % 9 === 8 ? at : null,
        },
        at,
      ),
    });
  }
}

export function addCase(rows: RowBuffer, random: Random, i: number, pools: Pools, actor: string) {
  const country =
    i < vocab.country.codes.length ? nth(vocab.country.codes, i) : random.pick(COUNTRY_WEIGHTS);
  const firstDay = START + random.next() * (END - START - 200 * DAY);
  const actCount = random.chance(0.5) ? 1 : random.int(2, 4);
  const acts = Array.from({ length: actCount }, (_, k) =>
    aggression(random, i * 3 + k, country, firstDay + k * random.int(1, 30) * DAY, pools),
  );
  const created = firstDay + random.int(actCount * 30, actCount * 30 + 20) * DAY;
  const updated = random.chance(0.5) ? created + random.int(1, 120) * DAY : created;
  const fields: CaseFields = {
    title: caseTitle(random, acts[0]?.types[0] ?? 'threat', acts[0]?.municipality ?? null),
    status: nth(vocab.caseStatus.codes, i),
    urgency: nth(vocab.urgency.codes, i + Math.floor(i / 4)),
    rightsAtStake: [nth(vocab.rightDefended.codes, i)],
    tags: random.sample(names.TAGS, random.int(0, 2)),
    confidentiality: nth(vocab.confidentiality.codes, i),
  };
  const at = new Date(created).toISOString();
  const record = row(fields, at, new Date(updated).toISOString());
  rows.add('cases', record);
  for (const act of acts) addAggression(rows, record.id, act, at);
  rows.add('sources', {
    ...row(
      {
        channel: nth(vocab.sourceChannel.codes, i),
        description: 'Testimonio recogido por la enlace regional.',
        receivedOn: at.slice(0, 10),
        reliability: nth(vocab.reliability.codes, i),
      },
      at,
    ),
    case_id: record.id,
  });
  const responses = random.int(0, 3) + (i < vocab.responseType.codes.length ? 1 : 0);
  for (let k = 0; k < responses; k++) {
    const type = nth(vocab.responseType.codes, i + k);
    const done = created + (k + 1) * random.int(1, 20) * DAY;
    const year = new Date(done).getUTCFullYear();
    rows.add('responses', {
      ...row(
        {
          type,
          doneOn: day(done),
          responsible: random.pick(names.RESPONSIBLES),
          outcome: OUTCOMES[type] ?? 'Realizada.',
          followUpOn: random.chance(0.5) ? day(done + 30 * DAY) : null,
          reference: type === 'prosecutor_complaint' ? `FGE/${random.int(100, 999)}/${year}` : '',
        },
        new Date(done).toISOString(),
      ),
      case_id: record.id,
    });
  }
  if (random.chance(0.4)) {
    rows.add('case_notes', {
      ...row({ body: random.pick(NOTES), author: actor }, at),
      case_id: record.id,
    });
  }
}

function addAggression(rows: RowBuffer, caseId: string, act: AggressionFields, at: string) {
  const { types, victims, perpetrators, ...scalars } = act;
  const record = { ...row(scalars, at), case_id: caseId };
  rows.add('aggressions', record);
  for (const code of types) rows.add('aggression_types', { aggression_id: record.id, code });
  for (const victim of victims)
    rows.add('aggression_victims', { ...row(victim, at), aggression_id: record.id });
  for (const perpetrator of perpetrators) {
    rows.add('perpetrators', { ...row(perpetrator, at), aggression_id: record.id });
  }
}

function aggression(
  random: Random,
  i: number,
  country: vocab.Country,
  when: number,
  pools: Pools,
): AggressionFields {
  const types = unique([
    nth(vocab.aggressionType.codes, i),
    ...(random.chance(0.3) ? [random.pick(vocab.aggressionType.codes)] : []),
  ]);
  const scope = nth(vocab.aggressionScope.codes, i);
  const precision = nth(vocab.datePrecision.codes, i);
  const occurredOn =
    precision === 'month_and_day_unknown'
      ? `${new Date(when).getUTCFullYear()}-01-01`
      : precision === 'day_unknown'
        ? `${day(when).slice(0, 7)}-01`
        : day(when);
  const victims: AggressionFields['victims'] = [];
  if (scope === 'personal' || random.chance(0.5)) {
    victims.push({
      personId: random.pick(pools.people),
      collectiveId: null,
      role: nth(vocab.victimRole.codes, i),
    });
  }
  if (scope !== 'personal') {
    victims.push({ personId: null, collectiveId: random.pick(pools.collectives), role: 'direct' });
  }
  return {
    occurredOn,
    datePrecision: precision,
    ...place(random, country),
    exactPlace: random.chance(0.2) ? random.pick(EXACT_PLACES) : null,
    scope,
    types,
    genderComponents: random.chance(0.4) ? [nth(vocab.genderComponent.codes, i)] : [],
    narrative: narrative(random, types),
    victims,
    perpetrators: Array.from({ length: random.int(1, 2) }, (_, k) => ({
      type: nth(vocab.perpetratorType.codes, i + k),
      identified: random.chance(0.4),
      description: random.pick(PERPETRATOR_DESCRIPTIONS),
      involvement: nth(vocab.involvement.codes, i + k),
    })),
  };
}
