import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { type AppError } from '../../../shared/errors';
import { type Preferences } from '../../../shared/preferences';
import { ErrorAlert } from '../components/ErrorAlert';
import { LockButton } from '../components/LockButton';
import { MainNav } from '../components/MainNav';
import { SkipLink } from '../components/SkipLink';
import { useHashRoute } from '../hooks/use-hash-route';
import { OverviewPage } from '../sections/OverviewPage';
import { PeoplePage } from '../people/PeoplePage';
import { CasesPage } from '../cases/CasesPage';
import { ExchangePage } from '../exchange/ExchangePage';
import { ReportsPage } from '../reports/ReportsPage';
import { RiskPage } from '../risk/RiskPage';
import { SettingsScreen } from './SettingsScreen';

const MAIN_ID = 'main';

export function HomeScreen({
  status,
  onPreferencesChanged,
}: {
  status: Output<'app.status'>;
  onPreferencesChanged: (preferences: Preferences) => void;
}) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const section = route.section;
  const [lockError, setLockError] = useState<AppError | null>(null);
  const officeName = status.office?.officeName ?? '';
  const displayName = status.office?.displayName ?? '';
  const personal = [officeName, displayName];

  return (
    <div data-testid="screen-home" className="shell">
      <SkipLink targetId={MAIN_ID} />
      <header className="shell-header">
        <div className="shell-identity">
          <p className="brand">Resguardo</p>
          <p className="shell-office">
            <span className="visually-hidden">{t('shell.officeLabel')} </span>
            {officeName}
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">{t('shell.userLabel')} </span>
            {displayName}
          </p>
        </div>
        <LockButton onError={setLockError} />
      </header>
      <MainNav currentId={section.id} />
      <main id={MAIN_ID} tabIndex={-1} className="shell-main">
        <ErrorAlert error={lockError} />
        {section.id === 'home' ? (
          <OverviewPage key="home" displayName={displayName} />
        ) : section.id === 'settings' ? (
          <SettingsScreen
            key="settings"
            language={status.language}
            idleMinutes={status.idleMinutes}
            personal={personal}
            onPreferencesChanged={onPreferencesChanged}
          />
        ) : section.id === 'people' ? (
          <PeoplePage key="people" path={route.path} />
        ) : section.id === 'cases' ? (
          <CasesPage key="cases" path={route.path} />
        ) : section.id === 'risk' ? (
          <RiskPage key="risk" path={route.path} displayName={displayName} />
        ) : section.id === 'exchange' ? (
          <ExchangePage key="exchange" />
        ) : (
          <ReportsPage key="reports" path={route.path} />
        )}
      </main>
    </div>
  );
}
