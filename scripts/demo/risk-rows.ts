import { type AssessmentFields } from '../../shared/contract/risk';
import { addDays } from '../../shared/risk';
import * as vocab from '../../shared/vocabularies';
import { appendAudit } from '../../electron/audit/audit-log';
import { type Database } from '../../electron/database/sqlite';
import { insertAssessment } from '../../electron/repositories/risk-assessment-repository';
import { insertMeasure } from '../../electron/repositories/risk-measure-repository';
import { nth, type Pools } from './case-rows';
import { seededRandom, type Random } from './random';

const BATCH = 200;

/** Fictional assessments, dated from 2025 on so that some reviews are due and some overdue. */
function assessment(random: Random, i: number, round: number, on: string): AssessmentFields {
  const factors = (offset: number) =>
    Array.from({ length: 3 }, (_, k) => ({
      area: nth(vocab.riskArea.codes, i * 3 + k + offset),
      description: '',
      rating: random.int(0, 3),
    }));
  return {
    assessedOn: on,
    assessor: 'Coordinación de protección',
    kind: round > 0 ? 'review' : nth(['immediate', 'ordinary'] as const, i),
    context: 'Contexto de demostración.',
    allies: '',
    adversaries: '',
    threats: Array.from({ length: random.int(1, 2) }, (_, k) => ({
      description: 'Amenaza de demostración',
      perpetratorType: nth(vocab.perpetratorType.codes, i + k),
      means: nth(vocab.threatMeans.codes, i * 2 + k),
      aggressionIds: [],
      likelihood: random.int(1, 5),
      impact: random.int(1, 5),
      analysis: { facts: '', pattern: '', objective: '', source: '', feasibility: '' },
    })),
    vulnerabilities: factors(0),
    capacities: factors(4),
    selfCare: { body: '', emotions: '', rest: '', supportNetwork: '' },
    override:
      i % 5 === 0 && round === 0
        ? { level: nth(vocab.riskLevel.codes, i / 5), reason: 'Criterio de la coordinación' }
        : null,
    reviewTriggers: i < vocab.reviewTrigger.codes.length ? [nth(vocab.reviewTrigger.codes, i)] : [],
  };
}

/**
 * Assessments for one person in ten (one collective in ten subjects), one to three rounds each
 * (a trend), each with a two-measure plan. Written through the repositories, so the cached level
 * and review date are the scoring function's.
 */
export async function writeDemoRisk(
  db: Database,
  pools: Pools,
  options: { seed: number; actor: string },
): Promise<number> {
  const random = seededRandom(options.seed);
  const subjects = Math.max(20, Math.ceil(pools.people.length / 10));
  let written = 0;
  for (let start = 0; start < subjects; start += BATCH) {
    const end = Math.min(subjects, start + BATCH);
    await db.transaction(async (tx) => {
      for (let i = start; i < end; i++) {
        const subject =
          i % 10 === 9
            ? { personId: null, collectiveId: random.pick(pools.collectives) }
            : { personId: random.pick(pools.people), collectiveId: null };
        let on = addDays('2025-01-01', random.int(0, 500));
        let previousId: string | undefined;
        for (let round = 0; round < 1 + (i % 3); round++) {
          const fields = assessment(random, i, round, on);
          const id = await insertAssessment(tx, subject, fields, {
            ...(previousId ? { previousId } : {}),
          });
          for (let j = 0; j < 2; j++) {
            await insertMeasure(tx, id, {
              category: nth(vocab.measureCategory.codes, i * 2 + j),
              description: 'Medida de demostración',
              responsible: 'Área psicosocial',
              dueOn: addDays(on, 30 * (j + 1)),
              status: nth(vocab.measureStatus.codes, i + j + round),
            });
          }
          previousId = id;
          on = addDays(on, random.int(30, 120));
          written++;
        }
      }
      await appendAudit(tx, {
        actor: options.actor,
        action: 'demo_data',
        entity: 'vault',
        changes: { set: { riskAssessments: end - start } },
      });
    });
  }
  return written;
}
