import type Sqlcipher from '@journeyapps/sqlcipher';
import type * as Argon2 from '@node-rs/argon2';
import type Sodium from 'sodium-native';
import { chooseDriver, type DriverName } from '../database/driver-choice';

/*
 * The native modules (SQLCipher, Argon2, libsodium), each required on first use rather than by
 * an import: a bundler hoists an imported package's require() to the top of the main bundle,
 * where a missing library or a binary for another architecture stops Electron with its raw "A
 * JavaScript error occurred". Required here, the failure reaches the start-up code
 * (startup/start-core.ts calls requireNativeModules), which says what happened in a dialog.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose, see above */

let sqlcipherModule: typeof Sqlcipher | undefined;
let argon2Module: typeof Argon2 | undefined;
let sodiumModule: typeof Sodium | undefined;

export function sqlcipher(): typeof Sqlcipher {
  return (sqlcipherModule ??= require('@journeyapps/sqlcipher') as typeof Sqlcipher);
}

export function argon2(): typeof Argon2 {
  return (argon2Module ??= require('@node-rs/argon2') as typeof Argon2);
}

export function sodium(): typeof Sodium {
  return (sodiumModule ??= require('sodium-native') as typeof Sodium);
}

/**
 * Load them now (at start-up), so a broken one fails where it can be explained: the SQLCipher
 * driver this platform uses (driver-choice.ts; Signal's runs in a worker thread, so it is
 * loaded here once only to find out that it loads), Argon2 and libsodium.
 */
export function requireNativeModules(driver: DriverName = chooseDriver()): void {
  if (driver === 'journeyapps') sqlcipher();
  else require('@signalapp/sqlcipher');
  argon2();
  sodium();
}
