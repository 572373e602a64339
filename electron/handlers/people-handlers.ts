import { type CoreContext } from '../core/context';
import { type Handlers } from '../ipc/dispatcher';
import { changedFields, describeFields } from '../repositories/audit-changes';
import {
  COLLECTIVE_TEXT_FIELDS,
  deleteCollective,
  getCollective,
  insertCollective,
  listCollectives,
  updateCollective,
} from '../repositories/collective-repository';
import {
  CONSENT_TEXT_FIELDS,
  getConsent,
  insertConsent,
  listConsents,
  revokeConsent,
} from '../repositories/consent-repository';
import {
  deletePerson,
  getPerson,
  insertPerson,
  listPeople,
  PERSON_TEXT_FIELDS,
  updatePerson,
} from '../repositories/people-repository';
import { auditedWrite, reader } from './audited';

type PeopleHandlers = Pick<
  Handlers,
  | 'people.create'
  | 'people.update'
  | 'people.get'
  | 'people.list'
  | 'people.delete'
  | 'collectives.create'
  | 'collectives.update'
  | 'collectives.get'
  | 'collectives.list'
  | 'collectives.delete'
  | 'consents.add'
  | 'consents.revoke'
  | 'consents.list'
>;

export function peopleHandlers(context: CoreContext): PeopleHandlers {
  return {
    'people.create': (input) =>
      auditedWrite(context, async (tx) => {
        const id = await insertPerson(tx, input);
        const changes = describeFields(input, PERSON_TEXT_FIELDS);
        return {
          value: await getPerson(tx, id),
          change: { action: 'create', entity: 'person', entityId: id, changes },
        };
      }),
    'people.update': ({ id, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const changed = changedFields(await getPerson(tx, id), fields);
        await updatePerson(tx, id, changed);
        const changes = describeFields(changed, PERSON_TEXT_FIELDS);
        return {
          value: await getPerson(tx, id),
          change: { action: 'update', entity: 'person', entityId: id, changes },
        };
      }),
    'people.get': ({ id }) => getPerson(reader(context), id),
    'people.list': (query) => listPeople(reader(context), query),
    'people.delete': ({ id }) =>
      auditedWrite(context, async (tx) => {
        await deletePerson(tx, id);
        return { value: {}, change: { action: 'delete', entity: 'person', entityId: id } };
      }),

    'collectives.create': (input) =>
      auditedWrite(context, async (tx) => {
        const id = await insertCollective(tx, input);
        const changes = describeFields(input, COLLECTIVE_TEXT_FIELDS);
        return {
          value: await getCollective(tx, id),
          change: { action: 'create', entity: 'collective', entityId: id, changes },
        };
      }),
    'collectives.update': ({ id, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const changed = changedFields(await getCollective(tx, id), fields);
        await updateCollective(tx, id, changed);
        const changes = describeFields(changed, COLLECTIVE_TEXT_FIELDS);
        return {
          value: await getCollective(tx, id),
          change: { action: 'update', entity: 'collective', entityId: id, changes },
        };
      }),
    'collectives.get': ({ id }) => getCollective(reader(context), id),
    'collectives.list': (query) => listCollectives(reader(context), query),
    'collectives.delete': ({ id }) =>
      auditedWrite(context, async (tx) => {
        await deleteCollective(tx, id);
        return { value: {}, change: { action: 'delete', entity: 'collective', entityId: id } };
      }),

    'consents.add': (input) =>
      auditedWrite(context, async (tx, actor) => {
        const id = await insertConsent(tx, input, actor);
        const changes = describeFields(input, CONSENT_TEXT_FIELDS);
        return {
          value: await getConsent(tx, id),
          change: { action: 'create', entity: 'consent', entityId: id, changes },
        };
      }),
    'consents.revoke': ({ id }) =>
      auditedWrite(context, async (tx) => {
        await revokeConsent(tx, id);
        const consent = await getConsent(tx, id);
        const changes = describeFields({ revokedAt: consent.revokedAt }, []);
        return {
          value: consent,
          change: { action: 'revoke', entity: 'consent', entityId: id, changes },
        };
      }),
    'consents.list': (owner) => listConsents(reader(context), owner),
  };
}
