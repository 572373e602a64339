import { useEffect, useState } from 'react';
import { type Input, type Output } from '../../../shared/contract';
import { call } from '../ipc/client';

export type Provenance = Output<'exchange.provenance'>;

/**
 * Where a record came from and which offices hold it; `null` until known (or when it cannot be
 * asked: the page still works without it). `version` asks again after a change.
 */
export function useProvenance(
  kind: Input<'exchange.provenance'>['kind'],
  id: string,
  version = '',
): Provenance | null {
  const [answer, setAnswer] = useState<{ asked: string; provenance: Provenance } | null>(null);
  const asked = `${kind}:${id}:${version}`;
  useEffect(() => {
    let live = true;
    call('exchange.provenance', { kind, id }).then(
      (provenance) => live && setAnswer({ asked, provenance }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind, id, asked]);
  return answer?.asked === asked ? answer.provenance : null;
}
