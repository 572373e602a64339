import { useEffect, useState } from 'react';
import { onEvent } from '../ipc/client';

export interface ExportProgress {
  phase: 'writing' | 'verifying';
  percent: number;
}

/** Progress of one export job, from main's `exchange.progress` events. */
export function useExportProgress(jobId: string | null): ExportProgress | null {
  // Kept with its job id, so a new job starts from nothing without resetting state in the effect.
  const [progress, setProgress] = useState<(ExportProgress & { jobId: string }) | null>(null);
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
