import { Button, Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type JobProgress } from './use-job-progress';

const LABEL_KEYS = {
  writing: 'handoff.export.writing',
  verifying: 'handoff.export.verifying',
  checking: 'handoff.import.checking',
  comparing: 'handoff.import.comparing',
  storing: 'handoff.import.storing',
  saving: 'handoff.import.saving',
} as const;

/**
 * The bar and a working Cancel for an exchange job. The live region speaks at each quarter and
 * phase change, not at every event, so a screen reader is told where things stand without being
 * flooded.
 */
export function JobProgressView(props: {
  progress: JobProgress | null;
  /** Shown before the first event arrives. */
  firstPhase: JobProgress['phase'];
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const key = LABEL_KEYS[props.progress?.phase ?? props.firstPhase];
  const percent = props.progress?.percent ?? 0;
  return (
    <div className="export-progress" data-testid="job-progress">
      <ProgressBar value={percent} className="progress-block">
        <Label className="field-label">{t(key, { percent })}</Label>
        <div className="progress" aria-hidden="true">
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      </ProgressBar>
      <p role="status" className="visually-hidden">
        {t(key, { percent: Math.floor(percent / 25) * 25 })}
      </p>
      <div className="actions">
        <Button className="button" onPress={props.onCancel}>
          {t('handoff.export.cancel')}
        </Button>
      </div>
    </div>
  );
}
