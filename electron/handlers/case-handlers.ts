import { verifyAuditChain } from '../audit/audit-log';
import { type CoreContext, requireSession } from '../core/context';
import { type Queryable } from '../database/sqlite';
import { removeEvidenceFiles } from '../evidence/evidence-paths';
import { type Handlers } from '../ipc/dispatcher';
import {
  AGGRESSION_TEXT_FIELDS,
  insertAggression,
  listAggressions,
} from '../repositories/aggression-repository';
import { auditHistory } from '../repositories/audit-history';
import { changedFields, describeFields } from '../repositories/audit-changes';
import { listCases } from '../repositories/case-list-query';
import { insertPart, listCaseParts, PART_TEXT_FIELDS } from '../repositories/case-part-repository';
import {
  CASE_TEXT_FIELDS,
  deleteCase,
  getCaseRecord,
  insertCase,
  updateCase,
} from '../repositories/case-repository';
import { searchCases } from '../repositories/case-search';
import { caseTimeline } from '../repositories/case-timeline';
import { auditedWrite, type Change, reader } from './audited';
import { cachedCaseCount } from './case-count-cache';

type CaseHandlers = Pick<
  Handlers,
  | 'cases.create'
  | 'cases.update'
  | 'cases.get'
  | 'cases.delete'
  | 'cases.list'
  | 'cases.count'
  | 'cases.search'
  | 'cases.timeline'
  | 'audit.history'
  | 'audit.verify'
>;

async function caseDetail(db: Queryable, id: string) {
  const record = await getCaseRecord(db, id);
  return {
    ...record,
    aggressions: await listAggressions(db, id),
    ...(await listCaseParts(db, id)),
  };
}

export function caseHandlers(context: CoreContext): CaseHandlers {
  return {
    'cases.create': ({ aggressions, sources, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const caseId = await insertCase(tx, fields);
        const changes: Change[] = [
          {
            action: 'create',
            entity: 'case',
            entityId: caseId,
            changes: describeFields(fields, CASE_TEXT_FIELDS),
          },
        ];
        for (const aggression of aggressions) {
          const id = await insertAggression(tx, caseId, aggression);
          const described = describeFields(aggression, AGGRESSION_TEXT_FIELDS, { caseId });
          changes.push({
            action: 'create',
            entity: 'aggression',
            entityId: id,
            changes: described,
          });
        }
        for (const source of sources) {
          const id = await insertPart(tx, 'sources', caseId, source);
          const described = describeFields(source, PART_TEXT_FIELDS.sources, { caseId });
          changes.push({ action: 'create', entity: 'source', entityId: id, changes: described });
        }
        return { value: await caseDetail(tx, caseId), change: changes };
      }),

    'cases.update': ({ id, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const changed = changedFields(await getCaseRecord(tx, id), fields);
        await updateCase(tx, id, changed);
        return {
          value: await getCaseRecord(tx, id),
          change: {
            action: 'update',
            entity: 'case',
            entityId: id,
            changes: describeFields(changed, CASE_TEXT_FIELDS),
          },
        };
      }),

    'cases.get': ({ id }) => caseDetail(reader(context), id),

    'cases.delete': async ({ id }) => {
      const fileIds = await auditedWrite(context, async (tx) => {
        const files = await tx.all('SELECT file_id FROM evidence_items WHERE case_id = ?', [id]);
        // The parts, evidence rows and their keys go with the case (ON DELETE CASCADE).
        await deleteCase(tx, id);
        return {
          value: files.map((f) => String(f['file_id'])),
          change: { action: 'delete', entity: 'case', entityId: id },
        };
      });
      await removeEvidenceFiles(context.paths.dir, fileIds);
      return {};
    },

    'cases.list': async (input) => {
      const session = requireSession(context);
      const { sort: _s, direction: _d, limit: _l, offset: _o, ...filters } = input;
      const page = await listCases(session.db, input);
      return { ...page, total: await cachedCaseCount(session, session.db, filters) };
    },
    'cases.count': async (filters) => {
      const session = requireSession(context);
      return { total: await cachedCaseCount(session, session.db, filters) };
    },
    'cases.search': ({ query, limit }) => searchCases(reader(context), query, limit),
    'cases.timeline': async ({ id }) => {
      const db = reader(context);
      await getCaseRecord(db, id);
      return caseTimeline(db, id);
    },

    'audit.history': ({ entityId }) => auditHistory(reader(context), entityId),
    'audit.verify': () => verifyAuditChain(reader(context)),
  };
}
