import { useTranslation } from 'react-i18next';
import { usePanicShortcut } from '../hooks/use-panic-shortcut';

/** One line naming the panic key, for the first run and the start page. */
export function PanicKeyHint() {
  const { t } = useTranslation();
  const shortcut = usePanicShortcut();
  if (shortcut === null) return null;
  const keys = shortcut.modifier === 'cmd' ? t('panicKey.keysCmd') : t('panicKey.keysCtrl');
  return (
    <p className="panic-hint" data-testid="panic-hint">
      {t('panicKey.hint', { keys })}
    </p>
  );
}
