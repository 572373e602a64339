import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../ipc/client';
import { type Choice } from '../components/fields/CodeSelect';
import { personDisplayName } from '../records/values';

const LIMIT = 200;

/**
 * People and collectives who can be named as victims, as select choices: `p:<id>` for a person,
 * `c:<id>` for a collective. (The first 200 of each; a searchable picker is the next step.)
 */
export function useVictimChoices(withCollectives = true): Choice[] {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Choice[]>([]);
  useEffect(() => {
    let active = true;
    void Promise.all([
      call('people.list', { limit: LIMIT, offset: 0 }),
      withCollectives
        ? call('collectives.list', { limit: LIMIT, offset: 0 })
        : Promise.resolve({ rows: [], total: 0 }),
    ])
      .then(([people, collectives]) => {
        if (!active) return;
        setChoices([
          ...people.rows.map((person) => {
            const shown = personDisplayName(person);
            return {
              id: `p:${person.id}`,
              label: shown.isPseudonym
                ? t('person.pseudonymLabel', { pseudonym: shown.text })
                : shown.text,
            };
          }),
          ...collectives.rows.map((collective) => ({
            id: `c:${collective.id}`,
            label: t('case.collectiveLabel', { name: collective.name }),
          })),
        ]);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [t, withCollectives]);
  return choices;
}
