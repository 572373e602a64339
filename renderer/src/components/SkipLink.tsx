import { useTranslation } from 'react-i18next';

/** First focusable element: jumps past the header and navigation to the main content. */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        // The hash holds the current section; move focus without touching it.
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      {t('shell.skipToContent')}
    </a>
  );
}
