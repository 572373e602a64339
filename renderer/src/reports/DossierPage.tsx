import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Input, type Output } from '../../../shared/contract';
import { type AppError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { FocusHeading } from '../components/FocusHeading';
import { StatusMessage } from '../components/StatusMessage';
import { TextInput } from '../components/TextInput';
import { BooleanCheckbox } from '../components/fields/BooleanCheckbox';
import { TextAreaInput } from '../components/fields/TextAreaInput';
import { CheckChoices, RadioChoice } from '../exchange/ChoiceFields';
import { useCall } from '../hooks/use-call';
import { useFormat } from '../i18n/format';
import { call, toAppError } from '../ipc/client';
import './reports.css';
import { dossierFormSchema, emptyDossier, type DossierFormValues } from './dossier-values';
import { useDossierSubject, type DossierSubject, type SubjectInfo } from './use-dossier-subject';

type Check = Output<'dossiers.check'>;
type Result = NonNullable<Output<'dossiers.generate'>>;

/** `#/reports/dossier/case/<id>` or `#/reports/dossier/person/<id>`. */
export function DossierPage({ subject }: { subject: DossierSubject }) {
  const { t, i18n } = useTranslation();
  const { info, error } = useDossierSubject(subject);
  const back = 'caseId' in subject ? `#/cases/${subject.caseId}` : `#/people/${subject.personId}`;
  return (
    <section data-testid="screen-dossier" className="section-page section-wide">
      <p>
        <a href={back}>
          {'caseId' in subject ? t('dossierForm.backToCase') : t('dossierForm.backToPerson')}
        </a>
        {' · '}
        <a href="#/reports">{t('dossierForm.backToReports')}</a>
      </p>
      <FocusHeading>{t('dossierForm.title', { subject: info?.title ?? '' })}</FocusHeading>
      <p className="lead">{t('dossierForm.intro')}</p>
      <ErrorAlert error={error} />
      {info === null ? (
        error === null ? (
          <p>{t('shell.loading')}</p>
        ) : null
      ) : (
        <DossierForm
          subject={subject}
          info={info}
          language={i18n.language === 'en' ? 'en' : 'es'}
        />
      )}
    </section>
  );
}

function DossierForm({
  subject,
  info,
  language,
}: {
  subject: DossierSubject;
  info: SubjectInfo;
  language: 'es' | 'en';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useForm<DossierFormValues>({
    resolver: zodResolver(dossierFormSchema),
    defaultValues: emptyDossier(language, info.partners.length > 0),
  });
  const { control } = form;
  const [template, chosenLanguage, pseudonymize, includeContacts, includeExactPlaces, destination] =
    useWatch({
      control,
      name: [
        'template',
        'language',
        'pseudonymize',
        'includeContacts',
        'includeExactPlaces',
        'destination',
      ],
    });
  const [checked, setChecked] = useState<{ key: string; check: Check } | null>(null);
  const [checkError, setCheckError] = useState<AppError | null>(null);
  const [checkRound, setCheckRound] = useState(0);
  const generate = useCall();
  const [result, setResult] = useState<Result | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const spec: Input<'dossiers.check'> = {
    subject,
    template,
    language: chosenLanguage,
    redaction: { pseudonymize, includeContacts, includeExactPlaces },
  };
  const specKey = JSON.stringify(spec);

  useEffect(() => {
    let active = true;
    call('dossiers.check', JSON.parse(specKey) as Input<'dossiers.check'>).then(
      (found) => {
        if (!active) return;
        setChecked({ key: `${specKey}#${checkRound}`, check: found });
        setCheckError(null);
      },
      (thrown: unknown) => {
        if (active) setCheckError(toAppError(thrown));
      },
    );
    return () => {
      active = false;
    };
  }, [specKey, checkRound]);

  // Only the answer for the choices shown now counts; an older one is as good as none.
  const check = checked?.key === `${specKey}#${checkRound}` ? checked.check : null;
  const blocked = check === null || check.gaps.length > 0;

  const submit = form.handleSubmit(
    async (values) => {
      setResult(null);
      setCancelled(false);
      const to =
        values.destination === 'partners'
          ? { partners: values.partners }
          : values.destination === 'passphrase'
            ? { passphrase: values.passphrase }
            : { plain: true as const };
      const outcome = await generate.run(() =>
        call('dossiers.generate', {
          subject,
          template: values.template,
          language: values.language,
          redaction: {
            pseudonymize: values.pseudonymize,
            includeContacts: values.includeContacts,
            includeExactPlaces: values.includeExactPlaces,
          },
          request: {
            summary: values.summary,
            measuresRequested: values.measuresRequested,
            workRiskLink: values.workRiskLink,
            context: values.context,
          },
          to,
        }),
      );
      if (!outcome.ok) {
        setCheckRound((round) => round + 1);
        return;
      }
      if (outcome.value === null) setCancelled(true);
      else setResult(outcome.value);
    },
    () => {
      document.querySelector<HTMLElement>('.dossier-form [aria-invalid="true"]')?.focus();
    },
  );

  const templateChoices = [
    { id: 'iachr', label: t('dossierForm.template.iachr') },
    { id: 'protection_mechanism', label: t('dossierForm.template.protection_mechanism') },
    { id: 'general', label: t('dossierForm.template.general') },
  ];
  const languageChoices = [
    { id: 'es', label: t('dossierForm.languageEs') },
    { id: 'en', label: t('dossierForm.languageEn') },
  ];
  const destinationChoices = [
    { id: 'partners', label: t('dossierForm.destination.partners') },
    { id: 'passphrase', label: t('dossierForm.destination.passphrase') },
    { id: 'plain', label: t('dossierForm.destination.plain') },
  ];

  return (
    <form className="form record-form dossier-form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset className="fieldset">
        <legend>{t('dossierForm.kindTitle')}</legend>
        <RadioChoice
          control={control}
          name="template"
          label={t('dossierForm.templateLabel')}
          choices={templateChoices}
        />
        <RadioChoice
          control={control}
          name="language"
          label={t('dossierForm.languageLabel')}
          choices={languageChoices}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('dossierForm.redactionTitle')}</legend>
        <p className="field-description">{t('dossierForm.redactionHelp')}</p>
        {info.people.length === 0 ? (
          <p>{t('dossierForm.noPeople')}</p>
        ) : (
          <CheckChoices
            control={control}
            name="pseudonymize"
            label={t('dossierForm.pseudonymizeLabel')}
            choices={info.people}
          />
        )}
        <BooleanCheckbox
          control={control}
          name="includeContacts"
          label={t('dossierForm.includeContacts')}
        />
        <BooleanCheckbox
          control={control}
          name="includeExactPlaces"
          label={t('dossierForm.includeExactPlaces')}
        />
      </fieldset>

      <section className="fieldset" data-testid="consent-gate" aria-labelledby="consent-gate-title">
        <h2 id="consent-gate-title">{t('dossierForm.gateTitle')}</h2>
        <ErrorAlert error={checkError} />
        {check === null ? (
          <p>{t('dossierForm.checking')}</p>
        ) : (
          <>
            <p>
              {t('dossierForm.counts', {
                named: check.named,
                aggressions: check.aggressionCount,
                evidence: check.evidenceCount,
              })}
            </p>
            <p>{t('dossierForm.scope', { scope: t(`vocab.consent_scope.${check.scope}`) })}</p>
            {check.gaps.length === 0 ? (
              <p className="gate-ok" data-testid="gate-ok">
                {t('dossierForm.gateOk')}
              </p>
            ) : (
              <div className="gate-blocked" data-testid="gate-blocked">
                <p>
                  <strong>{t('dossierForm.gateBlocked')}</strong>
                </p>
                <ul>
                  {check.gaps.map((gap) => (
                    <li key={gap.id}>
                      {gap.reason === 'identity'
                        ? t('dossierForm.gap.identity', { label: gap.label })
                        : t('dossierForm.gap.no_consent', { label: gap.label })}
                    </li>
                  ))}
                </ul>
                <p>{t('dossierForm.gateHelp')}</p>
              </div>
            )}
          </>
        )}
      </section>

      <fieldset className="fieldset">
        <legend>{t('dossierForm.textsTitle')}</legend>
        <TextAreaInput control={control} name="summary" label={t('dossierForm.summary')} />
        <TextAreaInput
          control={control}
          name="measuresRequested"
          label={t('dossierForm.measuresRequested')}
        />
        <TextAreaInput
          control={control}
          name="workRiskLink"
          label={t('dossierForm.workRiskLink')}
        />
        <TextAreaInput control={control} name="context" label={t('dossierForm.context')} />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('dossierForm.destinationTitle')}</legend>
        <RadioChoice
          control={control}
          name="destination"
          label={t('dossierForm.destinationLabel')}
          choices={destinationChoices}
        />
        {destination === 'partners' ? (
          info.partners.length === 0 ? (
            <p>{t('dossierForm.noPartners')}</p>
          ) : (
            <CheckChoices
              control={control}
              name="partners"
              label={t('dossierForm.partnersLabel')}
              choices={info.partners.map((p) => ({ id: p.fingerprint, label: p.name }))}
            />
          )
        ) : null}
        {destination === 'passphrase' ? (
          <div className="field-row">
            <TextInput
              control={control}
              name="passphrase"
              type="password"
              autoComplete="new-password"
              label={t('dossierForm.passphrase')}
              description={t('dossierForm.passphraseHelp')}
            />
            <TextInput
              control={control}
              name="confirmPassphrase"
              type="password"
              autoComplete="new-password"
              label={t('dossierForm.confirmPassphrase')}
            />
          </div>
        ) : null}
        {destination === 'plain' ? (
          <div className="plain-warning" data-testid="plain-warning">
            <p role="note">
              <strong>{t('dossierForm.plainWarningTitle')}</strong> {t('dossierForm.plainWarning')}
            </p>
            <BooleanCheckbox
              control={control}
              name="plainConfirmed"
              label={t('dossierForm.plainConfirm')}
            />
            {form.formState.errors.plainConfirmed === undefined ? null : (
              <p className="field-error">{t('dossierForm.plainConfirmNeeded')}</p>
            )}
          </div>
        ) : null}
      </fieldset>

      <ErrorAlert error={generate.error} />
      <StatusMessage
        message={
          generate.pending
            ? t('dossierForm.generating')
            : cancelled
              ? t('dossierForm.cancelled')
              : result === null
                ? null
                : t('dossierForm.done')
        }
      />
      <div className="actions">
        <Button
          type="submit"
          className="button button-primary"
          isDisabled={blocked || generate.pending}
        >
          {t('dossierForm.generate')}
        </Button>
        {blocked && check !== null ? (
          <p className="field-description">{t('dossierForm.generateBlocked')}</p>
        ) : null}
      </div>
      {result === null ? null : (
        <section data-testid="dossier-result" aria-labelledby="dossier-result-title">
          <h2 id="dossier-result-title">{t('dossierForm.resultTitle')}</h2>
          <dl className="facts">
            <dt>{t('dossierForm.resultKind')}</dt>
            <dd>
              {result.encrypted ? t('dossierForm.resultEncrypted') : t('dossierForm.resultPlain')}
            </dd>
            <dt>{t('dossierForm.resultSize')}</dt>
            <dd>{format.bytes(result.size)}</dd>
            <dt>{t('dossierForm.resultPages')}</dt>
            <dd>{result.pages}</dd>
            <dt>{t('dossierForm.resultHash')}</dt>
            <dd className="hash">
              <code data-testid="dossier-sha256">{result.sha256}</code>
            </dd>
          </dl>
          <p>{t('dossierForm.resultHashHelp')}</p>
        </section>
      )}
    </form>
  );
}
