import { type AssessmentFields } from '../../shared/contract/risk';
import { localToday } from '../../shared/risk';
import { type CoreContext } from '../core/context';
import { type Queryable } from '../database/sqlite';
import { type Handlers } from '../ipc/dispatcher';
import { changedFields, describeFields } from '../repositories/audit-changes';
import {
  ASSESSMENT_TEXT_FIELDS,
  computed,
  deleteAssessment,
  getAssessment,
  insertAssessment,
  loadAssessmentFields,
  updateAssessment,
} from '../repositories/risk-assessment-repository';
import { assessmentHistory } from '../repositories/risk-history';
import {
  deleteMeasure,
  getMeasure,
  insertMeasure,
  listMeasures,
  MEASURE_TEXT_FIELDS,
  OPEN_MEASURE_STATUSES,
  updateMeasure,
} from '../repositories/risk-measure-repository';
import { auditedWrite, type Change, reader } from './audited';

type RiskHandlers = Pick<
  Handlers,
  | 'risk.create'
  | 'risk.update'
  | 'risk.get'
  | 'risk.listForPerson'
  | 'risk.reassess'
  | 'risk.delete'
  | 'plans.addMeasure'
  | 'plans.updateMeasure'
  | 'plans.deleteMeasure'
>;

/**
 * The audit entry of an assessment write: codes and dates as values, free text as field names,
 * and the level it came to (computed and acted on) so the log shows how a risk moved.
 */
function assessmentChange(
  action: 'create' | 'update',
  id: string,
  written: Partial<AssessmentFields> & Record<string, unknown>,
  merged: AssessmentFields,
): Change {
  const { scoring, nextReviewOn } = computed(merged);
  const changes = describeFields(written, ASSESSMENT_TEXT_FIELDS);
  changes.set = {
    ...changes.set,
    computedLevel: scoring.computedLevel,
    level: scoring.level,
    nextReviewOn,
  };
  return { action, entity: 'risk_assessment', entityId: id, changes };
}

async function assessmentOf(db: Queryable, id: string) {
  return getAssessment(db, id, localToday());
}

export function riskHandlers(context: CoreContext): RiskHandlers {
  return {
    'risk.create': ({ personId, collectiveId, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const id = await insertAssessment(tx, { personId, collectiveId }, fields);
        return {
          value: await assessmentOf(tx, id),
          change: assessmentChange('create', id, { personId, collectiveId, ...fields }, fields),
        };
      }),

    'risk.update': ({ id, ...requested }) =>
      auditedWrite(context, async (tx) => {
        const { fields: stored } = await loadAssessmentFields(tx, id);
        const changed = changedFields(stored, requested) as Partial<AssessmentFields>;
        const merged: AssessmentFields = { ...stored, ...changed };
        await updateAssessment(tx, id, merged, changed);
        return {
          value: await assessmentOf(tx, id),
          change: assessmentChange('update', id, changed, merged),
        };
      }),

    'risk.get': ({ id }) => assessmentOf(reader(context), id),
    'risk.listForPerson': ({ personId, collectiveId }) =>
      assessmentHistory(
        reader(context),
        { personId: personId ?? null, collectiveId: collectiveId ?? null },
        localToday(),
      ),

    'risk.reassess': ({ id, assessedOn, assessor }) =>
      auditedWrite(context, async (tx) => {
        const { row, fields } = await loadAssessmentFields(tx, id);
        // A fresh look: the override and the review triggers belonged to the previous one.
        const copy: AssessmentFields = {
          ...fields,
          assessedOn,
          assessor,
          kind: 'review',
          override: null,
          reviewTriggers: [],
        };
        const subject = { personId: row.person_id, collectiveId: row.collective_id };
        const newId = await insertAssessment(tx, subject, copy, { previousId: id });
        const changes: Change[] = [
          assessmentChange('create', newId, { ...subject, previousId: id, ...copy }, copy),
        ];
        for (const measure of await listMeasures(tx, id)) {
          if (!(OPEN_MEASURE_STATUSES as readonly string[]).includes(measure.status)) continue;
          const { category, description, responsible, dueOn, status } = measure;
          const fieldsOf = { category, description, responsible, dueOn, status };
          const measureId = await insertMeasure(tx, newId, fieldsOf);
          changes.push({
            action: 'create',
            entity: 'protection_measure',
            entityId: measureId,
            changes: describeFields({ assessmentId: newId, ...fieldsOf }, MEASURE_TEXT_FIELDS),
          });
        }
        return { value: await assessmentOf(tx, newId), change: changes };
      }),

    'risk.delete': ({ id }) =>
      auditedWrite(context, async (tx) => {
        await deleteAssessment(tx, id);
        return { value: {}, change: { action: 'delete', entity: 'risk_assessment', entityId: id } };
      }),

    'plans.addMeasure': ({ assessmentId, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const id = await insertMeasure(tx, assessmentId, fields);
        return {
          value: await getMeasure(tx, id),
          change: {
            action: 'create',
            entity: 'protection_measure',
            entityId: id,
            changes: describeFields({ assessmentId, ...fields }, MEASURE_TEXT_FIELDS),
          },
        };
      }),
    'plans.updateMeasure': ({ id, ...fields }) =>
      auditedWrite(context, async (tx) => {
        const changed = changedFields(await getMeasure(tx, id), fields);
        await updateMeasure(tx, id, changed);
        return {
          value: await getMeasure(tx, id),
          change: {
            action: 'update',
            entity: 'protection_measure',
            entityId: id,
            changes: describeFields(changed, MEASURE_TEXT_FIELDS),
          },
        };
      }),
    'plans.deleteMeasure': ({ id }) =>
      auditedWrite(context, async (tx) => {
        await deleteMeasure(tx, id);
        return {
          value: {},
          change: { action: 'delete', entity: 'protection_measure', entityId: id },
        };
      }),
  };
}
