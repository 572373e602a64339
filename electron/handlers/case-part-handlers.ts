import { type CoreContext } from '../core/context';
import { type Handlers } from '../ipc/dispatcher';
import {
  AGGRESSION_TEXT_FIELDS,
  aggressionCaseId,
  deleteAggression,
  getAggression,
  insertAggression,
  updateAggression,
} from '../repositories/aggression-repository';
import { changedFields, describeFields } from '../repositories/audit-changes';
import {
  deletePart,
  getNote,
  getResponse,
  getSource,
  insertPart,
  PART_TEXT_FIELDS,
  partCaseId,
  type PartTable,
  updatePart,
} from '../repositories/case-part-repository';
import { touchCase } from '../repositories/case-repository';
import { auditedWrite } from './audited';

type CasePartHandlers = Pick<
  Handlers,
  | 'aggressions.add'
  | 'aggressions.update'
  | 'aggressions.delete'
  | 'sources.add'
  | 'sources.update'
  | 'sources.delete'
  | 'responses.add'
  | 'responses.update'
  | 'responses.delete'
  | 'notes.add'
>;

const ENTITY: Record<PartTable, string> = {
  sources: 'source',
  responses: 'response',
  case_notes: 'note',
};

/** Every change to a part also marks its case as updated, so lists sorted by it stay true. */
export function casePartHandlers(context: CoreContext): CasePartHandlers {
  function deleteOne(table: PartTable) {
    return ({ id }: { id: string }) =>
      auditedWrite(context, async (tx) => {
        const caseId = await partCaseId(tx, table, id);
        await deletePart(tx, table, id);
        await touchCase(tx, caseId);
        return {
          value: {},
          change: {
            action: 'delete' as const,
            entity: ENTITY[table],
            entityId: id,
            changes: { caseId },
          },
        };
      });
  }

  return {
    'aggressions.add': ({ caseId, ...fields }) =>
      auditedWrite(context, async (tx) => {
        await touchCase(tx, caseId);
        const id = await insertAggression(tx, caseId, fields);
        const changes = describeFields(fields, AGGRESSION_TEXT_FIELDS, { caseId });
        return {
          value: await getAggression(tx, id),
          change: { action: 'create', entity: 'aggression', entityId: id, changes },
        };
      }),
    'aggressions.update': ({ id, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const before = await getAggression(tx, id);
        // Compare lists in the shape they were given (victims/perpetrators without ids and labels).
        const comparable = {
          ...before,
          victims: before.victims.map(({ personId, collectiveId, role }) => ({
            personId,
            collectiveId,
            role,
          })),
          perpetrators: before.perpetrators.map(
            ({ type, identified, description, involvement }) => ({
              type,
              identified,
              description,
              involvement,
            }),
          ),
        };
        const changed = changedFields(comparable, fields);
        await updateAggression(tx, id, changed);
        await touchCase(tx, before.caseId);
        const changes = describeFields(changed, AGGRESSION_TEXT_FIELDS, { caseId: before.caseId });
        return {
          value: await getAggression(tx, id),
          change: { action: 'update', entity: 'aggression', entityId: id, changes },
        };
      }),
    'aggressions.delete': ({ id }) =>
      auditedWrite(context, async (tx) => {
        const caseId = await aggressionCaseId(tx, id);
        await deleteAggression(tx, id);
        await touchCase(tx, caseId);
        return {
          value: {},
          change: { action: 'delete', entity: 'aggression', entityId: id, changes: { caseId } },
        };
      }),

    'sources.add': ({ caseId, ...fields }) =>
      auditedWrite(context, async (tx) => {
        await touchCase(tx, caseId);
        const id = await insertPart(tx, 'sources', caseId, fields);
        const changes = describeFields(fields, PART_TEXT_FIELDS.sources, { caseId });
        return {
          value: await getSource(tx, id),
          change: { action: 'create', entity: 'source', entityId: id, changes },
        };
      }),
    'sources.update': ({ id, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const before = await getSource(tx, id);
        const changed = changedFields(before, fields);
        await updatePart(tx, 'sources', id, changed);
        await touchCase(tx, before.caseId);
        const changes = describeFields(changed, PART_TEXT_FIELDS.sources, {
          caseId: before.caseId,
        });
        return {
          value: await getSource(tx, id),
          change: { action: 'update', entity: 'source', entityId: id, changes },
        };
      }),
    'sources.delete': deleteOne('sources'),

    'responses.add': ({ caseId, ...fields }) =>
      auditedWrite(context, async (tx) => {
        await touchCase(tx, caseId);
        const id = await insertPart(tx, 'responses', caseId, fields);
        const changes = describeFields(fields, PART_TEXT_FIELDS.responses, { caseId });
        return {
          value: await getResponse(tx, id),
          change: { action: 'create', entity: 'response', entityId: id, changes },
        };
      }),
    'responses.update': ({ id, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const before = await getResponse(tx, id);
        const changed = changedFields(before, fields);
        await updatePart(tx, 'responses', id, changed);
        await touchCase(tx, before.caseId);
        const changes = describeFields(changed, PART_TEXT_FIELDS.responses, {
          caseId: before.caseId,
        });
        return {
          value: await getResponse(tx, id),
          change: { action: 'update', entity: 'response', entityId: id, changes },
        };
      }),
    'responses.delete': deleteOne('responses'),

    'notes.add': ({ caseId, body }) =>
      auditedWrite(context, async (tx, actor) => {
        await touchCase(tx, caseId);
        const id = await insertPart(tx, 'case_notes', caseId, { body, author: actor });
        const changes = describeFields({ body }, PART_TEXT_FIELDS.case_notes, { caseId });
        return {
          value: await getNote(tx, id),
          change: { action: 'create', entity: 'note', entityId: id, changes },
        };
      }),
  };
}
