import { AppFailure } from '../../shared/errors';
import { assessPassphrase } from '../../shared/passphrase-policy';

/** The main side refuses what the form would have refused: the same shared policy. */
export function assertStrongPassphrase(
  field: string,
  passphrase: string,
  personal: string[],
): void {
  const strength = assessPassphrase(passphrase, personal);
  const problem = strength.problems[0];
  if (problem)
    throw new AppFailure('weak_passphrase', { fields: { [field]: `passphrase.${problem}` } });
}
