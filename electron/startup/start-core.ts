import { type Core, type CoreOptions, createCore } from '../core/create-core';
import { requireNativeModules } from '../native/native-modules';
import { checkDataFolder } from './data-folder';
import { classifyStartupFailure, type StartupFailure, type StartupStage } from './startup-failure';

/** What start-up needs loaded: the native modules (tests pass loaders that fail). */
export type LoadNativeModules = () => void;

/**
 * Load SQLCipher, Argon2 and libsodium (required lazily, native/native-modules.ts, so a broken
 * one is an error here and not Electron's raw "A JavaScript error occurred"), check the data
 * folder takes a write, and assemble the core; or say why not.
 */
export async function startCore(
  options: CoreOptions,
  loadNative: LoadNativeModules = requireNativeModules,
): Promise<{ ok: true; core: Core } | { ok: false; failure: StartupFailure; error: unknown }> {
  let stage: StartupStage = 'load';
  try {
    loadNative();
    stage = 'data';
    await checkDataFolder(options.dataDir);
    return { ok: true, core: await createCore(options) };
  } catch (error) {
    const failure = classifyStartupFailure(error, { stage, dataDir: options.dataDir });
    return { ok: false, failure, error };
  }
}
