import { useEffect, useState } from 'react';
import { type Input, type Output } from '../../../shared/contract';
import { call } from '../ipc/client';

export type Provenance = Output<'exchange.provenance'>;

/**
 * Where a record came from and which offices hold it; `null` until known (or when it cannot be
 * asked: the page still works without it). A new `version` asks again after a change, showing
 * the last answer for this record meanwhile.
 */
export function useProvenance(
  kind: Input<'exchange.provenance'>['kind'],
  id: string,
  version = '',
): Provenance | null {
  const [answer, setAnswer] = useState<{ of: string; provenance: Provenance } | null>(null);
  const of = `${kind}:${id}`;
  useEffect(() => {
    let live = true;
    call('exchange.provenance', { kind, id }).then(
      (provenance) => live && setAnswer({ of: `${kind}:${id}`, provenance }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind, id, version]);
  return answer?.of === of ? answer.provenance : null;
}
