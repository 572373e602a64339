import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/**
 * The wait before the next attempt. The ticking text is a timer (not announced every second);
 * the polite status says once that the user may try again.
 */
export function WaitNotice({ seconds, hadWait }: { seconds: number; hadWait: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {seconds > 0 ? (
        <p role="timer" className="wait-notice">
          {t('wait.seconds', { count: seconds, seconds: format.number(seconds) })}
        </p>
      ) : null}
      <p role="status" className="status">
        {hadWait && seconds === 0 ? t('wait.canRetry') : null}
      </p>
    </>
  );
}
