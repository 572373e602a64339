import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DRAFT_MAX_CHARS } from '../../../shared/contract/drafts';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';

const SAVE_DELAY_MS = 700;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keep what the user types in a long form as a draft in the encrypted database (saved a moment
 * after typing stops, and when the form goes away), and bring it back when she returns. Drafts
 * never replace what she already typed in this visit. `discard` after a successful save.
 */
export function useDraft<T extends FieldValues>(
  formKey: string,
  form: UseFormReturn<T>,
): { notice: ReactNode; discard: () => void } {
  const { t } = useTranslation();
  const format = useFormat();
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  const finished = useRef(false);
  const initial = useRef(form.getValues());

  const save = useCallback(() => {
    timer.current = null;
    if (finished.current) return;
    const data = JSON.stringify(form.getValues());
    // Back to where the form started: there is nothing to keep.
    if (data === JSON.stringify(initial.current)) {
      void call('drafts.discard', { formKey }).catch(() => undefined);
      return;
    }
    // Past the limit the draft is simply not kept; the form itself still works.
    if (data.length > DRAFT_MAX_CHARS) return;
    // A lock or a closed vault refuses the write: nothing to tell the user, the form is intact.
    void call('drafts.save', { formKey, data }).catch(() => undefined);
  }, [form, formKey]);

  useEffect(() => {
    finished.current = false;
    let active = true;
    void call('drafts.get', { formKey })
      .then((draft) => {
        if (!active || draft === null) return;
        if (JSON.stringify(form.getValues()) !== JSON.stringify(initial.current)) return;
        const parsed: unknown = JSON.parse(draft.data);
        if (!isRecord(parsed)) return;
        form.reset({ ...initial.current, ...parsed } as T, { keepDefaultValues: true });
        setRestoredAt(draft.updatedAt);
      })
      .catch(() => undefined);
    const subscription = form.watch(() => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(save, SAVE_DELAY_MS);
    });
    return () => {
      active = false;
      subscription.unsubscribe();
      // Leaving the form with a save pending: keep the last keystrokes too.
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        save();
      }
    };
  }, [form, formKey, save]);

  const discard = useCallback(() => {
    finished.current = true;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setRestoredAt(null);
    void call('drafts.discard', { formKey }).catch(() => undefined);
  }, [formKey]);

  const notice = (
    <div role="status" className={restoredAt === null ? 'status status-empty' : 'draft-notice'}>
      {restoredAt === null ? null : (
        <>
          <p>{t('records.draftRestored', { when: format.moment(restoredAt) })}</p>
          <Button
            className="button"
            onPress={() => {
              discard();
              finished.current = false;
              form.reset(initial.current);
            }}
          >
            {t('records.draftDiscard')}
          </Button>
        </>
      )}
    </div>
  );
  return { notice, discard };
}
