import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  ProgressBar,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type EvidenceItem } from '../../../shared/contract/evidence';
import { type AppError } from '../../../shared/errors';
import { ConfirmButton } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call, onEvent, toAppError } from '../ipc/client';
import { CustodyChain } from './CustodyChain';

const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** A job that takes a while, with its progress: a file taken in, or a copy saved. */
interface Job {
  kind: 'intake' | 'copy';
  /** A copy being read back from its drive. */
  checking: boolean;
  token: string;
  name: string;
  done: number;
  total: number;
}

/**
 * Files attached to the case. Main opens the native dialog and streams each file into encrypted
 * storage; the page sees a token, progress and, at the end, the SHA-256. A decrypted copy is
 * written only after a warning; images preview in memory (a blob URL, revoked on close).
 */
export function EvidencePanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [items, setItems] = useState<EvidenceItem[] | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const action = useCall();
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  // The running job (its progress shows once it reports: a copy first waits for the save dialog).
  const running = useRef<Job | null>(null);

  const load = useCallback(
    () =>
      call('evidence.list', { caseId }).then(setItems, (thrown: unknown) =>
        setError(toAppError(thrown)),
      ),
    [caseId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    try {
      return onEvent('evidence.progress', (progress) => {
        const current = running.current;
        if (current === null || progress.token !== current.token) return;
        const { done, total, checking } = progress;
        setJob({ ...current, done, total, checking });
      });
    } catch {
      return undefined;
    }
  }, []);

  // A preview's bytes live only as long as its dialog.
  useEffect(
    () => () => {
      if (preview !== null) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  const attach = async () => {
    setMessage(null);
    setError(null);
    let files;
    try {
      files = await call('evidence.chooseFiles', {});
    } catch (thrown) {
      setError(toAppError(thrown));
      return;
    }
    const attached: EvidenceItem[] = [];
    for (const file of files) {
      running.current = {
        kind: 'intake',
        checking: false,
        token: file.token,
        name: file.name,
        done: 0,
        total: file.size,
      };
      setJob(running.current);
      try {
        attached.push(await call('evidence.intake', { caseId, token: file.token, description }));
      } catch (thrown) {
        const appError = toAppError(thrown);
        if (appError.code === 'cancelled')
          setMessage(t('attachment.cancelled', { name: file.name }));
        else setError(appError);
        break;
      } finally {
        running.current = null;
        setJob(null);
      }
    }
    if (attached.length > 0) {
      setDescription('');
      setMessage(
        attached
          .map((item) => t('attachment.attached', { name: item.originalName, sha256: item.sha256 }))
          .join(' '),
      );
      onChanged();
    }
    await load();
  };

  const showPreview = async (item: EvidenceItem) => {
    const result = await action.run(() => call('evidence.preview', { id: item.id }));
    if (!result.ok) return;
    // Copy into an ArrayBuffer of its own: the Blob must not alias a view that may be reused.
    const bytes = new Uint8Array(result.value.bytes);
    const url = URL.createObjectURL(new Blob([bytes], { type: result.value.mediaType }));
    setPreview({ url, name: item.originalName });
  };

  const saveCopy = async (item: EvidenceItem) => {
    setMessage(null);
    const token = crypto.randomUUID();
    running.current = {
      kind: 'copy',
      checking: false,
      token,
      name: item.originalName,
      done: 0,
      total: 0,
    };
    const result = await action.run(() => call('evidence.saveCopy', { id: item.id, token }));
    running.current = null;
    setJob(null);
    if (!result.ok) {
      if (result.error.code === 'cancelled') {
        action.setError(null);
        setMessage(t('attachment.copyCancelled', { name: item.originalName }));
      }
      return;
    }
    setMessage(
      result.value.saved
        ? t('attachment.copySaved', { name: item.originalName, sha256: result.value.sha256 ?? '' })
        : t('attachment.copyNotSaved'),
    );
  };

  const remove = async (item: EvidenceItem) => {
    const result = await action.run(() => call('evidence.delete', { id: item.id }));
    if (result.ok) {
      setMessage(t('attachment.deleted', { name: item.originalName }));
      onChanged();
      await load();
    }
  };

  return (
    <section className="record-block" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('attachment.title')}</h2>
      <p className="field-description">{t('attachment.intro')}</p>
      <ErrorAlert error={error ?? action.error} />
      <StatusMessage message={message} />
      {items === null ? null : items.length === 0 ? (
        <p className="empty-state">{t('attachment.none')}</p>
      ) : (
        <ul className="record-list" data-testid="evidence-list">
          {items.map((item) => (
            <li key={item.id} className="record-row record-row-wide evidence-item">
              <strong>{item.originalName}</strong>
              <span className="record-meta">
                {t('attachment.meta', {
                  size: format.bytes(item.size),
                  type: item.mediaType,
                  who: item.addedBy,
                  when: format.moment(item.createdAt),
                })}
              </span>
              {item.description === '' ? null : <span>{item.description}</span>}
              <span className="hash">
                <span className="hash-label">{t('attachment.sha256')}</span>{' '}
                <code data-testid="evidence-sha256">{item.sha256}</code>
              </span>
              <CustodyChain evidenceId={item.id} />
              <div className="actions">
                {PREVIEWABLE.has(item.mediaType) ? (
                  <Button
                    className="button"
                    isDisabled={action.pending}
                    onPress={() => void showPreview(item)}
                  >
                    {t('attachment.preview', { name: item.originalName })}
                  </Button>
                ) : null}
                <ConfirmButton
                  label={t('attachment.saveCopy', { name: item.originalName })}
                  title={t('attachment.saveCopyTitle')}
                  confirmLabel={t('attachment.saveCopyConfirm')}
                  isDisabled={action.pending}
                  onConfirm={() => void saveCopy(item)}
                >
                  <p>{t('attachment.saveCopyWarning')}</p>
                  <p>{t('attachment.saveCopyRecorded')}</p>
                </ConfirmButton>
                <ConfirmButton
                  danger
                  label={t('attachment.delete', { name: item.originalName })}
                  title={t('attachment.deleteTitle', { name: item.originalName })}
                  confirmLabel={t('attachment.deleteConfirm')}
                  isDisabled={action.pending}
                  onConfirm={() => void remove(item)}
                >
                  <p>{t('attachment.deleteBody')}</p>
                  <p className="warning-text">{t('records.cannotUndo')}</p>
                </ConfirmButton>
              </div>
            </li>
          ))}
        </ul>
      )}
      {job === null ? (
        <div className="sub-form">
          <TextField
            className="field"
            value={description}
            onChange={setDescription}
            maxLength={2000}
          >
            <Label className="field-label">{t('attachment.description')}</Label>
            <Input className="field-input" />
          </TextField>
          <div className="actions">
            <Button className="button button-primary" onPress={() => void attach()}>
              {t('attachment.attach')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="intake" data-testid="evidence-job">
          <ProgressBar
            className="progress"
            value={job.done}
            maxValue={Math.max(1, job.total)}
            valueLabel={t('attachment.progressValue', {
              done: format.bytes(job.done),
              total: format.bytes(job.total),
            })}
          >
            {({ percentage, valueText }) => (
              <>
                <Label className="field-label">
                  {job.kind === 'intake'
                    ? t('attachment.encrypting', { name: job.name })
                    : job.checking
                      ? t('attachment.checkingCopy', { name: job.name })
                      : t('attachment.copying', { name: job.name })}
                </Label>
                <span className="record-meta">{valueText}</span>
                <div className="meter-track">
                  <div className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
                </div>
              </>
            )}
          </ProgressBar>
          <div className="actions">
            <Button
              className="button"
              onPress={() => {
                const { kind, token } = job;
                const cancelled =
                  kind === 'intake'
                    ? call('evidence.cancelIntake', { token })
                    : call('evidence.cancelCopy', { token });
                void cancelled.catch(() => undefined);
              }}
            >
              {t('attachment.cancel')}
            </Button>
          </div>
        </div>
      )}
      <ModalOverlay
        className="modal-overlay"
        isDismissable
        isOpen={preview !== null}
        onOpenChange={(open) => {
          if (!open) setPreview(null);
        }}
      >
        <Modal className="modal modal-wide">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {t('attachment.previewTitle', { name: preview?.name ?? '' })}
                </Heading>
                {preview === null ? null : (
                  <img
                    className="preview-image"
                    src={preview.url}
                    alt={t('attachment.previewAlt', { name: preview.name })}
                  />
                )}
                <div className="actions">
                  <Button className="button" onPress={close} autoFocus>
                    {t('attachment.closePreview')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </section>
  );
}
