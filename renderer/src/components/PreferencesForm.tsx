import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button, Group, Input, Label, NumberField, Text, FieldError } from 'react-aria-components';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  IDLE_MINUTES_MAX,
  IDLE_MINUTES_MIN,
  type Language,
  type Preferences,
} from '../../../shared/preferences';
import { applyFieldErrors, fieldErrorKey } from '../forms/field-errors';
import { preferencesFormSchema, type PreferencesFormValues } from '../forms/schemas';
import { useCall } from '../hooks/use-call';
import { applyLanguage } from '../i18n/setup';
import { call } from '../ipc/client';
import { ErrorAlert } from './ErrorAlert';
import { LanguageSelect } from './LanguageSelect';
import { StatusMessage } from './StatusMessage';

export function PreferencesForm({
  language,
  idleMinutes,
  onSaved,
}: {
  language: Language;
  idleMinutes: number;
  onSaved: (preferences: Preferences) => void;
}) {
  const { t } = useTranslation();
  const { pending, error, run } = useCall();
  const [saved, setSaved] = useState(false);
  const form = useForm<PreferencesFormValues>({
    resolver: zodResolver(preferencesFormSchema),
    defaultValues: { language, idleMinutes },
  });

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await run(() => call('preferences.update', values));
    if (!result.ok) {
      applyFieldErrors(result.error, ['language', 'idleMinutes'], form.setError);
      return;
    }
    await applyLanguage(result.value.language);
    onSaved(result.value);
    form.reset(result.value);
    setSaved(true);
  });

  const range = { min: IDLE_MINUTES_MIN, max: IDLE_MINUTES_MAX };
  return (
    <form className="form settings-block" noValidate onSubmit={submit}>
      <h2>{t('settings.preferencesTitle')}</h2>
      <ErrorAlert error={error} />
      <Controller
        control={form.control}
        name="language"
        render={({ field }) => (
          <LanguageSelect value={field.value} onChange={field.onChange} isDisabled={pending} />
        )}
      />
      <Controller
        control={form.control}
        name="idleMinutes"
        render={({ field, fieldState }) => (
          <NumberField
            className="field"
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            minValue={IDLE_MINUTES_MIN}
            maxValue={IDLE_MINUTES_MAX}
            step={1}
            formatOptions={{ maximumFractionDigits: 0 }}
            isInvalid={fieldState.invalid}
            isDisabled={pending}
            validationBehavior="aria"
          >
            <Label className="field-label">{t('settings.idleMinutes')}</Label>
            <Group className="number-group">
              <Button slot="decrement" className="button number-step">
                −
              </Button>
              <Input ref={field.ref} className="field-input number-input" />
              <Button slot="increment" className="button number-step">
                +
              </Button>
            </Group>
            <Text slot="description" className="field-description">
              {t('settings.idleMinutesHelp', range)}
            </Text>
            <FieldError className="field-error">
              {t(fieldErrorKey(fieldState.error?.message), range)}
            </FieldError>
          </NumberField>
        )}
      />
      <StatusMessage message={saved ? t('settings.saved') : null} />
      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={pending}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}
