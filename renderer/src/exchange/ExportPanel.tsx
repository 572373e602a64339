import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Input } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { TextInput } from '../components/TextInput';
import { useCall } from '../hooks/use-call';
import { call } from '../ipc/client';
import { CaseChoices } from './CaseChoices';
import { CheckChoices, RadioChoice } from './ChoiceFields';
import { ConsentGapsView } from './ConsentGapsView';
import { exportFormSchema, type ExportFormValues } from './exchange-forms';
import { JobProgressView } from './JobProgressView';
import { useDrives } from './use-drives';
import { useExportChoices } from './use-export-choices';
import { type ExportScopeChoice, useExportConsent } from './use-export-consent';
import { useJobProgress } from './use-job-progress';
import { exportSummary } from './job-summaries';

const FOLDER = 'folder';

function request(
  values: ExportFormValues,
  jobId: string,
  acceptedGaps: string | null,
): Input<'exchange.export'> {
  return {
    jobId,
    scope: values.scope === 'all' ? { all: true } : { caseIds: values.caseIds },
    to:
      values.to === 'partners' ? { partners: values.partners } : { passphrase: values.passphrase },
    ...(values.where === FOLDER ? {} : { drive: values.where }),
    ...(values.to === 'partners' && acceptedGaps !== null ? { acceptedGaps } : {}),
  };
}

/** What the consent check is about: records for partner offices, once cases are chosen. */
function consentScopeOf(scope: string, to: string, caseIds: string[]): ExportScopeChoice {
  if (to !== 'partners') return null;
  if (scope === 'all') return { all: true };
  return caseIds.length > 0 ? { caseIds } : null;
}

/** Export: what, for whom, where; then progress with Cancel, and "done" only after read-back. */
export function ExportPanel() {
  const { t } = useTranslation();
  const drives = useDrives();
  const choices = useExportChoices();
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useJobProgress(jobId);
  const [message, setMessage] = useState<string | null>(null);
  const { error, setError, run } = useCall();
  const { control, handleSubmit } = useForm<ExportFormValues>({
    resolver: zodResolver(exportFormSchema),
    defaultValues: {
      scope: 'all',
      caseIds: [],
      to: 'partners',
      partners: [],
      passphrase: '',
      confirmPassphrase: '',
      where: FOLDER,
    },
  });
  const [scope, to, caseIds, partners] = useWatch({
    control,
    name: ['scope', 'to', 'caseIds', 'partners'],
  });
  const busy = jobId !== null;
  // Asked again after main refused a list of missing consents that had changed meanwhile.
  const [consentRound, setConsentRound] = useState(0);
  const consent = useExportConsent(consentScopeOf(scope, to, caseIds), partners, consentRound);
  // Accepting names one list (its token): a different list must be accepted anew.
  const [acceptedToken, setAcceptedToken] = useState<string | null>(null);
  const gapsToken = consent.check?.token ?? null;
  const gapsAccepted = gapsToken !== null && acceptedToken === gapsToken;
  const mustAccept = to === 'partners' && gapsToken !== null && !gapsAccepted;

  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const id = crypto.randomUUID();
    setJobId(id);
    const accepted = gapsAccepted ? gapsToken : null;
    const result = await run(() => call('exchange.export', request(values, id, accepted)));
    setJobId(null);
    if (!result.ok && result.error.code === 'consent_missing') setConsentRound((n) => n + 1);
    if (result.ok && result.value !== null) {
      const summary = exportSummary(t, {
        records: result.value.recordCount,
        evidence: result.value.evidenceCount,
      });
      setMessage(`${t('handoff.export.done', { file: result.value.fileName })} ${summary}`);
    } else if (!result.ok && result.error.code === 'cancelled') {
      setError(null);
      setMessage(t('handoff.export.cancelled'));
    }
  });

  const whereChoices = [
    ...drives.map((drive) => ({
      id: drive.id,
      label: t('handoff.export.drive', { label: drive.label }),
    })),
    { id: FOLDER, label: t('handoff.export.folder') },
  ];

  return (
    <div className="exchange-panel">
      <h2>{t('handoff.export.title')}</h2>
      <ErrorAlert error={error ?? choices.error ?? consent.error} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <RadioChoice
          control={control}
          name="scope"
          label={t('handoff.export.whatLabel')}
          isDisabled={busy}
          choices={[
            { id: 'all', label: t('handoff.export.all') },
            { id: 'selected', label: t('handoff.export.selected') },
          ]}
        />
        <CaseChoices
          control={control}
          name="caseIds"
          hidden={scope !== 'selected'}
          isDisabled={busy}
        />
        <RadioChoice
          control={control}
          name="to"
          label={t('handoff.export.forLabel')}
          isDisabled={busy}
          choices={[
            { id: 'partners', label: t('handoff.export.toPartners') },
            { id: 'passphrase', label: t('handoff.export.toPassphrase') },
          ]}
        />
        {to === 'passphrase' ? (
          <>
            <TextInput
              control={control}
              name="passphrase"
              type="password"
              autoComplete="new-password"
              label={t('handoff.export.passphrase')}
              isDisabled={busy}
            />
            <TextInput
              control={control}
              name="confirmPassphrase"
              type="password"
              autoComplete="new-password"
              label={t('handoff.export.confirmPassphrase')}
              isDisabled={busy}
            />
          </>
        ) : choices.partners.length === 0 ? (
          <p className="warning-text">{t('handoff.export.noVerified')}</p>
        ) : (
          <>
            <CheckChoices
              control={control}
              name="partners"
              label={t('handoff.export.partnersLabel')}
              choices={choices.partners}
              isDisabled={busy}
            />
            {consentScopeOf(scope, to, caseIds) === null ? null : (
              <ConsentGapsView
                check={consent.check}
                accepted={gapsAccepted}
                onAccept={(yes) => setAcceptedToken(yes ? gapsToken : null)}
                isDisabled={busy}
              />
            )}
          </>
        )}
        <RadioChoice
          control={control}
          name="where"
          label={t('handoff.export.whereLabel')}
          choices={whereChoices}
          isDisabled={busy}
        />
        {drives.length === 0 ? (
          <p className="field-description">{t('handoff.export.noDrives')}</p>
        ) : null}
        {busy ? (
          <JobProgressView
            progress={progress}
            firstPhase="writing"
            onCancel={() => void call('exchange.cancel', { jobId })}
          />
        ) : (
          <div className="actions">
            <Button type="submit" className="button button-primary" isDisabled={mustAccept}>
              {t('handoff.export.start')}
            </Button>
          </div>
        )}
      </form>
      <StatusMessage message={message} />
    </div>
  );
}
