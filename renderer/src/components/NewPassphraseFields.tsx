import { useWatch, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PassphraseMeter } from './PassphraseMeter';
import { TextInput } from './TextInput';

/** Any form with a new passphrase typed twice (create, recover, change). */
interface NewPassphraseValues extends FieldValues {
  newPassphrase: string;
  confirmPassphrase: string;
}

/** The new passphrase with its strength meter, then the same passphrase again. */
export function NewPassphraseFields<T extends NewPassphraseValues>({
  control,
  personal,
}: {
  control: Control<T>;
  /** Names the passphrase must not contain (office, user). */
  personal: string[];
}) {
  const { t } = useTranslation();
  const passphrase = useWatch({ control, name: 'newPassphrase' as Path<T> }) as unknown;
  return (
    <>
      <TextInput
        control={control}
        name={'newPassphrase' as Path<T>}
        type="password"
        autoComplete="new-password"
        label={t('passphrase.new')}
        description={
          <PassphraseMeter
            passphrase={typeof passphrase === 'string' ? passphrase : ''}
            personal={personal}
          />
        }
      />
      <TextInput
        control={control}
        name={'confirmPassphrase' as Path<T>}
        type="password"
        autoComplete="new-password"
        label={t('passphrase.confirm')}
      />
    </>
  );
}
