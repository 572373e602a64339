import { useTranslation } from 'react-i18next';
import { type ImportPreview } from '../../../shared/contract/exchange';

type Arriving = ImportPreview['arriving'];
const GROUPS = ['conflicting', 'new', 'updated', 'unchanged'] as const;

/**
 * What the file brings, by name: the cases, people and collectives, grouped as new, updated, in
 * conflict or unchanged, with counts. A restricted person appears by her pseudonym only.
 */
export function ArrivingGroups({ arriving }: { arriving: Arriving }) {
  const { t } = useTranslation();
  const labelOf = (item: Arriving['items'][number]) => {
    if (item.shownAs === 'protected') return t('handoff.import.arriving.protected');
    if (item.shownAs === 'pseudonym') {
      return t('handoff.import.arriving.pseudonym', { name: item.label });
    }
    return item.label || t('handoff.import.arriving.untitled');
  };
  return (
    <div className="arriving-groups" data-testid="arriving-groups">
      {GROUPS.map((group) => {
        const items = arriving.items.filter((item) => item.group === group);
        const count = arriving.counts[group];
        if (count === 0) return null;
        const id = `arriving-${group}`;
        return (
          <section key={group} aria-labelledby={id} data-testid={id}>
            <h4 id={id}>{t(`handoff.import.arriving.${group}`, { count })}</h4>
            <ul className="plain-list">
              {items.map((item) => (
                <li key={`${item.kind}:${item.id}`}>
                  {t('handoff.import.arriving.item', {
                    kind: t(`handoff.kinds.${item.kind}`),
                    label: labelOf(item),
                  })}
                </li>
              ))}
              {items.length < count ? (
                <li>{t('handoff.import.arriving.more', { count: count - items.length })}</li>
              ) : null}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
