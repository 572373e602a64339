import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as spanish from '@zxcvbn-ts/language-es-es';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from './passphrase-limits';

/**
 * One policy for both sides: the form shows it as a meter, and the main side refuses what the
 * form would refuse. Dictionaries in Spanish and English, because users pick words in both.
 */
export { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH };
export const PASSPHRASE_MIN_SCORE = 3;

export type PassphraseProblem = 'too_short' | 'too_long' | 'too_guessable' | 'contains_personal';

export interface PassphraseStrength {
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  problems: PassphraseProblem[];
}

let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...spanish.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

export function assessPassphrase(passphrase: string, personal: string[] = []): PassphraseStrength {
  const problems: PassphraseProblem[] = [];
  if (passphrase.length < PASSPHRASE_MIN_LENGTH) problems.push('too_short');
  if (passphrase.length > PASSPHRASE_MAX_LENGTH) problems.push('too_long');
  // zxcvbn is quadratic-ish on long input; the first 100 characters decide guessability anyway.
  const sample = passphrase.slice(0, 100);
  const inputs = personal.map((p) => p.trim()).filter((p) => p.length > 0);
  const result = getEstimator().check(sample, inputs);
  const lower = passphrase.toLowerCase();
  if (inputs.some((p) => p.length >= 4 && lower.includes(p.toLowerCase()))) {
    problems.push('contains_personal');
  }
  if (result.score < PASSPHRASE_MIN_SCORE) problems.push('too_guessable');
  return { score: result.score, acceptable: problems.length === 0, problems };
}
