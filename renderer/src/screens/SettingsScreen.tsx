import { useTranslation } from 'react-i18next';
import { type Language, type Preferences } from '../../../shared/preferences';
import { ChangePassphraseForm } from '../components/ChangePassphraseForm';
import { FocusHeading } from '../components/FocusHeading';
import { PanicKeySettings } from '../components/PanicKeySettings';
import { PreferencesForm } from '../components/PreferencesForm';

export function SettingsScreen({
  language,
  idleMinutes,
  personal,
  onPreferencesChanged,
}: {
  language: Language;
  idleMinutes: number;
  personal: string[];
  onPreferencesChanged: (preferences: Preferences) => void;
}) {
  const { t } = useTranslation();
  return (
    <section data-testid="screen-settings" className="section-page">
      <FocusHeading>{t('sections.settings.title')}</FocusHeading>
      <p className="lead">{t('sections.settings.body')}</p>
      <PreferencesForm
        language={language}
        idleMinutes={idleMinutes}
        onSaved={onPreferencesChanged}
      />
      <PanicKeySettings />
      <ChangePassphraseForm personal={personal} />
    </section>
  );
}
