import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PartnerView } from '../../../shared/contract/exchange';
import { ConfirmButton } from '../components/ConfirmDialog';
import { TextInput } from '../components/TextInput';
import { FingerprintGroups } from './FingerprintGroups';
import { renameSchema, type RenameValues } from './exchange-forms';

/** One partner office: its fingerprint, verification, rename and removal. */
export function PartnerRow(props: {
  partner: PartnerView;
  pending: boolean;
  onVerify: () => void;
  onRename: (name: string) => Promise<boolean>;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { partner } = props;
  const [renaming, setRenaming] = useState(false);
  const { control, handleSubmit } = useForm<RenameValues>({
    resolver: zodResolver(renameSchema),
    defaultValues: { name: partner.name },
  });
  const submit = handleSubmit(async ({ name }) => {
    if (await props.onRename(name)) setRenaming(false);
  });

  return (
    <li className="partner" data-testid="partner">
      <h3 className="partner-name">
        {partner.name}{' '}
        <span className={partner.verified ? 'badge' : 'badge badge-muted'}>
          {partner.verified ? t('handoff.partners.verified') : t('handoff.partners.unverified')}
        </span>
      </h3>
      {partner.cardName === partner.name ? null : (
        <p>{t('handoff.partners.cardName', { name: partner.cardName })}</p>
      )}
      <FingerprintGroups
        spoken={partner.spokenFingerprint}
        label={t('handoff.partners.fingerprintOf', { name: partner.name })}
      />
      {renaming ? (
        <form className="form sub-form" onSubmit={(event) => void submit(event)} noValidate>
          <TextInput control={control} name="name" label={t('handoff.partners.renameLabel')} />
          <div className="actions">
            <Button className="button" onPress={() => setRenaming(false)}>
              {t('records.cancel')}
            </Button>
            <Button type="submit" className="button button-primary" isDisabled={props.pending}>
              {t('handoff.partners.saveName')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="actions">
          {partner.verified ? null : (
            <ConfirmButton
              label={t('handoff.partners.verify')}
              title={t('handoff.partners.verifyTitle', { name: partner.name })}
              confirmLabel={t('handoff.partners.verifyConfirm')}
              onConfirm={props.onVerify}
              isDisabled={props.pending}
            >
              <p>{t('handoff.partners.verifyBody')}</p>
              <FingerprintGroups spoken={partner.spokenFingerprint} />
            </ConfirmButton>
          )}
          <Button className="button" onPress={() => setRenaming(true)}>
            {t('handoff.partners.rename')}
          </Button>
          <ConfirmButton
            label={t('handoff.partners.remove')}
            title={t('handoff.partners.removeTitle', { name: partner.name })}
            confirmLabel={t('handoff.partners.remove')}
            onConfirm={props.onRemove}
            danger
            isDisabled={props.pending}
          >
            <p>{t('handoff.partners.removeBody')}</p>
          </ConfirmButton>
        </div>
      )}
    </li>
  );
}
