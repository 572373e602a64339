import { useTranslation } from 'react-i18next';

/** Split a recovery key as main formats it: groups separated by '-'. */
export function recoveryKeyGroups(recoveryKey: string): string[] {
  return recoveryKey
    .split('-')
    .map((group) => group.trim())
    .filter((group) => group.length > 0);
}

/** The key, large and monospaced, one numbered group per item so it is easy to copy by hand. */
export function RecoveryKeyGroups({ groups }: { groups: string[] }) {
  const { t } = useTranslation();
  return (
    <ol className="recovery-key" aria-label={t('recoveryKey.keyLabel')}>
      {groups.map((group, index) => (
        <li key={index} className="recovery-key-item">
          <span className="recovery-key-index" aria-hidden="true">
            {index + 1}
          </span>
          <span data-testid="recovery-group" className="recovery-group">
            {group}
          </span>
        </li>
      ))}
    </ol>
  );
}
