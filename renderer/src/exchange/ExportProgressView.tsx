import { Button, Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ExportProgress } from './use-export-progress';

/**
 * The bar and a working Cancel. The live region speaks at each quarter and phase change, not at
 * every event, so a screen reader is told where things stand without being flooded.
 */
export function ExportProgressView(props: {
  progress: ExportProgress | null;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const phase = props.progress?.phase ?? 'writing';
  const percent = props.progress?.percent ?? 0;
  const label =
    phase === 'writing'
      ? t('handoff.export.writing', { percent })
      : t('handoff.export.verifying', { percent });
  const spoken =
    phase === 'writing'
      ? t('handoff.export.writing', { percent: Math.floor(percent / 25) * 25 })
      : t('handoff.export.verifying', { percent: Math.floor(percent / 25) * 25 });
  return (
    <div className="export-progress" data-testid="export-progress">
      <ProgressBar value={percent} className="progress-block">
        <Label className="field-label">{label}</Label>
        <div className="progress" aria-hidden="true">
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      </ProgressBar>
      <p role="status" className="visually-hidden">
        {spoken}
      </p>
      <div className="actions">
        <Button className="button" onPress={props.onCancel}>
          {t('handoff.export.cancel')}
        </Button>
      </div>
    </div>
  );
}
