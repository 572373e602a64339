import { useEffect, useState } from 'react';
import { type AppError } from '../../../shared/errors';
import { call, toAppError } from '../ipc/client';
import { type Choice } from './ChoiceFields';

/**
 * What an export can take (the 200 most recently changed cases; "all" covers the rest) and who
 * it can go to (verified partners only: main refuses the others).
 */
export function useExportChoices() {
  const [cases, setCases] = useState<Choice[]>([]);
  const [partners, setPartners] = useState<Choice[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([
      call('cases.list', { sort: 'updated_at', direction: 'desc', limit: 200, offset: 0 }),
      call('partners.list', {}),
    ]).then(
      ([caseList, partnerList]) => {
        if (!live) return;
        setCases(caseList.rows.map((row) => ({ id: row.id, label: row.title })));
        setPartners(
          partnerList
            .filter((partner) => partner.verified)
            .map((partner) => ({ id: partner.fingerprint, label: partner.name })),
        );
      },
      (thrown: unknown) => live && setError(toAppError(thrown)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { cases, partners, error };
}
