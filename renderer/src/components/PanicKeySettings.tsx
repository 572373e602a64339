import { useTranslation } from 'react-i18next';
import { usePanicShortcut } from '../hooks/use-panic-shortcut';

/** Settings: the panic key and whether it works outside the window on this desktop. */
export function PanicKeySettings() {
  const { t } = useTranslation();
  const shortcut = usePanicShortcut();
  return (
    <section aria-labelledby="panic-key-title" data-testid="panic-key-settings">
      <h2 id="panic-key-title">{t('panicKey.title')}</h2>
      {shortcut === null ? null : (
        <>
          <p>
            {t('panicKey.body', {
              keys: shortcut.modifier === 'cmd' ? t('panicKey.keysCmd') : t('panicKey.keysCtrl'),
            })}
          </p>
          <p data-testid="panic-key-scope">
            {shortcut.systemWide ? t('panicKey.systemWide') : t('panicKey.windowOnly')}
          </p>
        </>
      )}
    </section>
  );
}
