import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Input } from '../../../shared/contract';
import { type ImportPreview } from '../../../shared/contract/exchange';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { TextInput } from '../components/TextInput';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { DriveFiles } from './DriveFiles';
import { importFormSchema, type ImportFormValues } from './exchange-forms';
import { ImportPreviewView } from './ImportPreviewView';
import { appliedSummary } from './job-summaries';
import { JobProgressView } from './JobProgressView';
import { useDrives } from './use-drives';
import { useJobProgress } from './use-job-progress';

/** Import: choose a file (or one on a detected drive), see what it brings, then apply or discard. */
export function ImportPanel({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const drives = useDrives();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The running check or apply, with its progress and Cancel.
  const [job, setJob] = useState<{ id: string; phase: 'checking' | 'storing' } | null>(null);
  const progress = useJobProgress(job?.id ?? null);
  const { pending, error, setError, run } = useCall();
  /** A cancel is the user's choice, said plainly rather than as an error. */
  const sayIfCancelled = (result: { ok: boolean; error?: { code: string } }, key: string) => {
    if (result.ok || result.error?.code !== 'cancelled') return;
    setError(null);
    setMessage(t(key));
  };
  const { control, handleSubmit } = useForm<ImportFormValues>({
    resolver: zodResolver(importFormSchema),
    defaultValues: { passphrase: '' },
  });

  const read = (fromDrive?: Input<'exchange.preview'>['fromDrive']) =>
    handleSubmit(async ({ passphrase }) => {
      setMessage(null);
      setPreview(null);
      const input = {
        ...(passphrase === '' ? {} : { passphrase }),
        ...(fromDrive === undefined ? {} : { fromDrive }),
      };
      const jobId = crypto.randomUUID();
      setJob({ id: jobId, phase: 'checking' });
      const result = await run(() => call('exchange.preview', { ...input, jobId }));
      setJob(null);
      if (result.ok) setPreview(result.value);
      else sayIfCancelled(result, 'handoff.import.readCancelled');
    })();

  const apply = async (acceptUnverified: boolean) => {
    if (preview === null) return;
    const jobId = crypto.randomUUID();
    setJob({ id: jobId, phase: 'storing' });
    const result = await run(() =>
      call('exchange.apply', { importId: preview.importId, acceptUnverified, jobId }),
    );
    setJob(null);
    setPreview(null);
    if (!result.ok) {
      sayIfCancelled(result, 'handoff.import.applyCancelled');
      return;
    }
    const { counts } = result.value;
    setMessage(appliedSummary(t, { ...counts, evidence: result.value.evidenceCount }));
    onApplied();
  };
  const discard = async () => {
    if (preview === null) return;
    await run(() => call('exchange.discard', { importId: preview.importId }));
    setPreview(null);
  };

  return (
    <div className="exchange-panel">
      <h2>{t('handoff.import.title')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void handleSubmit(() => read())(event)}
      >
        <TextInput
          control={control}
          name="passphrase"
          type="password"
          autoComplete="off"
          label={t('handoff.import.passphraseLabel')}
          isDisabled={pending}
        />
        <div className="actions">
          <Button type="submit" className="button" isDisabled={pending}>
            {t('handoff.import.chooseFile')}
          </Button>
        </div>
      </form>
      {drives.map((drive) => (
        <DriveFiles
          key={drive.id}
          drive={drive}
          isDisabled={pending}
          onChoose={(name) => void read({ drive: drive.id, name })}
        />
      ))}
      {job === null ? null : (
        <JobProgressView
          progress={progress}
          firstPhase={job.phase}
          onCancel={() => void call('exchange.cancel', { jobId: job.id })}
        />
      )}
      <ErrorAlert error={error} />
      {preview === null ? null : (
        <ImportPreviewView
          preview={preview}
          pending={pending}
          onApply={(accepted) => void apply(accepted)}
          onDiscard={() => void discard()}
        />
      )}
      <StatusMessage message={message} />
    </div>
  );
}
