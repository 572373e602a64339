import { createHash } from 'node:crypto';
import { AppFailure } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { type CoreContext, requireSession } from '../core/context';
import { writeFileAtomic } from '../files/atomic-write';
import { rethrowWriteFailure } from '../files/io-failure';
import { type Handlers } from '../ipc/dispatcher';
import { statisticsCsv } from '../statistics/statistics-csv';
import { countAll, type Period } from '../statistics/statistics-query';
import { suppress } from '../statistics/suppress';
import { reader } from './audited';

type StatisticsHandlers = Pick<Handlers, 'statistics.summary' | 'statistics.export'>;

function period(input: { from?: string | undefined; to?: string | undefined }): Period {
  return { from: input.from ?? null, to: input.to ?? null };
}

/** Aggregates for advocacy: suppressed in main, so nothing finer ever reaches the renderer. */
export function statisticsHandlers(context: CoreContext): StatisticsHandlers {
  return {
    'statistics.summary': async (input) => {
      const range = period(input);
      return suppress(await countAll(reader(context), range), range);
    },
    'statistics.export': async (input) => {
      const session = requireSession(context);
      const range = period(input);
      const stats = suppress(await countAll(session.db, range), range);
      const csv = statisticsCsv(stats, input.language);
      const dialogs = context.adapters.dialogs;
      if (!dialogs) throw new AppFailure('internal');
      const name =
        input.language === 'es' ? 'estadisticas-agresiones.csv' : 'aggression-statistics.csv';
      const path = await dialogs.chooseSavePath(name);
      if (path === null) return { saved: false, rows: csv.rows, suppressed: csv.suppressed };
      const bytes = Buffer.from(csv.text, 'utf8');
      await writeFileAtomic(path, bytes).catch(rethrowWriteFailure);
      await session.db.transaction((tx) =>
        appendAudit(tx, {
          actor: session.displayName,
          action: 'export',
          entity: 'statistics',
          changes: {
            from: range.from,
            to: range.to,
            rows: csv.rows,
            suppressed: csv.suppressed,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          },
        }),
      );
      return { saved: true, rows: csv.rows, suppressed: csv.suppressed };
    },
  };
}
