import { useEffect, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { FocusHeading } from '../components/FocusHeading';
import { call } from '../ipc/client';
import { ConflictsPanel } from './ConflictsPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { OfficeCardPanel } from './OfficeCardPanel';
import { PartnersPanel } from './PartnersPanel';

/** The exchange section: one tab per task (arrow keys move between tabs, Tab enters a panel). */
export function ExchangePage() {
  const { t } = useTranslation();
  // Bumped after an import, so the conflicts list asks again.
  const [imports, setImports] = useState(0);
  // Main boots the threads an export or an import runs on while the user chooses (a speed-up
  // only: a job starts without them too).
  useEffect(() => {
    call('exchange.prepare', {}).catch(() => undefined);
  }, []);
  return (
    <section data-testid="section-exchange" className="section-page section-wide">
      <FocusHeading>{t('sections.exchange.title')}</FocusHeading>
      <p className="lead">{t('handoff.intro')}</p>
      <Tabs className="tabs">
        <TabList aria-label={t('handoff.tabsLabel')} className="tab-list">
          <Tab id="card" className="tab">
            {t('handoff.tabs.card')}
          </Tab>
          <Tab id="partners" className="tab">
            {t('handoff.tabs.partners')}
          </Tab>
          <Tab id="export" className="tab">
            {t('handoff.tabs.export')}
          </Tab>
          <Tab id="import" className="tab">
            {t('handoff.tabs.import')}
          </Tab>
          <Tab id="conflicts" className="tab">
            {t('handoff.tabs.conflicts')}
          </Tab>
        </TabList>
        <TabPanel id="card" className="tab-panel">
          <OfficeCardPanel />
        </TabPanel>
        <TabPanel id="partners" className="tab-panel">
          <PartnersPanel />
        </TabPanel>
        <TabPanel id="export" className="tab-panel">
          <ExportPanel />
        </TabPanel>
        <TabPanel id="import" className="tab-panel">
          <ImportPanel onApplied={() => setImports((n) => n + 1)} />
        </TabPanel>
        <TabPanel id="conflicts" className="tab-panel">
          <ConflictsPanel version={imports} />
        </TabPanel>
      </Tabs>
    </section>
  );
}
