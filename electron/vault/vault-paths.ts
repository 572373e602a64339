import { join } from 'node:path';

/** Everything Resguardo keeps lives in one folder: back it up whole. */
export interface VaultPaths {
  dir: string;
  vaultFile: string;
  databaseFile: string;
  attemptsFile: string;
  preferencesFile: string;
}

export function vaultPaths(dir: string): VaultPaths {
  return {
    dir,
    vaultFile: join(dir, 'vault.json'),
    databaseFile: join(dir, 'resguardo.db'),
    attemptsFile: join(dir, 'unlock-attempts.json'),
    preferencesFile: join(dir, 'preferences.json'),
  };
}
