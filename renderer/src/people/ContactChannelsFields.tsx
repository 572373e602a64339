import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PersonFields } from '../../../shared/contract/people';
import { BooleanCheckbox } from '../components/fields/BooleanCheckbox';
import { VocabSelect } from '../components/fields/VocabSelect';
import { TextInput } from '../components/TextInput';

/**
 * How to reach her. A channel is sensitive by default (a phone number can get someone killed):
 * its value is masked until "show" is pressed, and lists never show it.
 */
export function ContactChannelsFields({ control }: { control: Control<PersonFields> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'contactChannels' });
  return (
    <fieldset className="fieldset">
      <legend>{t('person.contactTitle')}</legend>
      <p className="field-description">{t('person.contactIntro')}</p>
      {fields.map((field, index) => (
        <ContactChannelRow
          key={field.id}
          control={control}
          index={index}
          onRemove={() => remove(index)}
        />
      ))}
      <div className="actions">
        <Button
          className="button"
          onPress={() => append({ kind: 'signal', value: '', sensitive: true })}
        >
          {t('person.addContact')}
        </Button>
      </div>
    </fieldset>
  );
}

function ContactChannelRow({
  control,
  index,
  onRemove,
}: {
  control: Control<PersonFields>;
  index: number;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(false);
  const sensitive = useWatch({ control, name: `contactChannels.${index}.sensitive` });
  const number = index + 1;
  return (
    <div className="repeat-item" role="group" aria-label={t('person.contactNumber', { number })}>
      <VocabSelect
        control={control}
        name={`contactChannels.${index}.kind`}
        vocabulary="contact_channel"
        label={t('person.contactKind')}
      />
      <TextInput
        control={control}
        name={`contactChannels.${index}.value`}
        label={t('person.contactValue')}
        type={sensitive && !revealed ? 'password' : 'text'}
        autoComplete="off"
      />
      <BooleanCheckbox
        control={control}
        name={`contactChannels.${index}.sensitive`}
        label={t('person.contactSensitive')}
      />
      <div className="actions">
        {sensitive ? (
          <Button className="button" onPress={() => setRevealed((value) => !value)}>
            {revealed ? t('records.hide') : t('records.show')}
          </Button>
        ) : null}
        <Button className="button" onPress={onRemove}>
          {t('person.removeContact', { number })}
        </Button>
      </div>
    </div>
  );
}
