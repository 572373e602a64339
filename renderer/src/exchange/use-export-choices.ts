import { useEffect, useState } from 'react';
import { type AppError } from '../../../shared/errors';
import { call, toAppError } from '../ipc/client';
import { type Choice } from './ChoiceFields';

/**
 * Who an export can go to: verified partners only (main refuses the others). The cases are
 * chosen by search, in `CaseChoices`.
 */
export function useExportChoices() {
  const [partners, setPartners] = useState<Choice[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    call('partners.list', {}).then(
      (partnerList) => {
        if (!live) return;
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
  return { partners, error };
}
