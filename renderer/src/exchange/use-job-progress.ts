import { useEffect, useState } from 'react';
import { type EventPayload } from '../../../shared/contract/events';
import { onEvent } from '../ipc/client';

export interface JobProgress {
  phase: EventPayload<'exchange.progress'>['phase'];
  percent: number;
}

/** Progress of one exchange job (an export, an import's check or apply), from main's events. */
export function useJobProgress(jobId: string | null): JobProgress | null {
  // Kept with its job id, so a new job starts from nothing without resetting state in the effect.
  const [progress, setProgress] = useState<(JobProgress & { jobId: string }) | null>(null);
  useEffect(() => {
    if (jobId === null) return undefined;
    return onEvent('exchange.progress', (event) => {
      if (event.jobId !== jobId) return;
      const percent = event.total > 0 ? Math.floor((event.done / event.total) * 100) : 0;
      setProgress({ jobId, phase: event.phase, percent: Math.min(100, percent) });
    });
  }, [jobId]);
  return progress !== null && progress.jobId === jobId ? progress : null;
}
