import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { languages, languageSchema, type Language } from '../../../shared/preferences';

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
const languageNameKeys: Record<Language, string> = {
  es: 'settings.languageNames.es',
  en: 'settings.languageNames.en',
};

export function LanguageSelect({
  value,
  onChange,
  isDisabled,
}: {
  value: Language;
  onChange: (language: Language) => void;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select
      className="field select"
      name="language"
      value={value}
      isDisabled={isDisabled}
      onChange={(key) => {
        const parsed = languageSchema.safeParse(key);
        if (parsed.success) onChange(parsed.data);
      }}
    >
      <Label className="field-label">{t('settings.language')}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </Button>
      <Popover className="select-popover">
        <ListBox className="select-list">
          {languages.map((language) => (
            <ListBoxItem key={language} id={language} className="select-option" lang={language}>
              {t(languageNameKeys[language])}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
