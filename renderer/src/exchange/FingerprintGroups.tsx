import { useTranslation } from 'react-i18next';

/** A spoken fingerprint (six groups of four digits), large, one group per item, to read aloud. */
export function FingerprintGroups({ spoken, label }: { spoken: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <ol className="fingerprint" aria-label={label ?? t('handoff.card.fingerprintLabel')}>
      {spoken.split(' ').map((group, index) => (
        <li key={index} className="fingerprint-group">
          {group}
        </li>
      ))}
    </ol>
  );
}
