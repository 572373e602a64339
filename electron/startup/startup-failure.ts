import { existsSync } from 'node:fs';

/**
 * Why the app could not start, in terms of what the user can do about it. Electron-free, so it is
 * tested under Node with real loader errors; electron/main only shows the result.
 */
export type StartupFailure =
  | { kind: 'sandbox_off'; detail: string }
  | { kind: 'part_missing'; detail: string }
  | { kind: 'wrong_architecture'; detail: string }
  | { kind: 'system_library_missing'; detail: string }
  | { kind: 'install_damaged'; detail: string }
  | { kind: 'data_folder_not_writable'; detail: string }
  | { kind: 'disk_full'; detail: string }
  | { kind: 'unknown'; detail: string };

/** Where start-up failed: loading the app's own parts, or opening its data folder. */
export type StartupStage = 'load' | 'data';

const FOLDER_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ELOOP']);
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

export function classifyStartupFailure(
  error: unknown,
  options: { stage: StartupStage; dataDir: string; exists?: (path: string) => boolean },
): StartupFailure {
  const exists = options.exists ?? existsSync;
  const chain = causesOf(error);
  const text = chain.map((e) => e.message).join('\n');
  const code = chain.map((e) => e.code).find((c) => c !== undefined);

  if (code !== undefined && FULL_CODES.has(code)) {
    return { kind: 'disk_full', detail: options.dataDir };
  }
  const library =
    /([^\s:/]+\.(?:so[\w.]*|dylib)): cannot open shared object file/.exec(text) ??
    /Library not loaded: \S*?([^\s/]+\.dylib)/.exec(text);
  if (library?.[1] !== undefined) {
    return { kind: 'system_library_missing', detail: library[1] };
  }
  const addon = /(\S+\.node): cannot open shared object file/.exec(text)?.[1];
  if (
    /wrong ELF class|invalid ELF header|incompatible architecture|not a valid Win32 application|Exec format error|No native build was found/.test(
      text,
    ) ||
    (addon !== undefined && exists(addon))
  ) {
    return { kind: 'wrong_architecture', detail: partNamed(text) };
  }
  if (
    /NODE_MODULE_VERSION|compiled against a different Node\.js version|undefined symbol|Symbol not found|version mismatch|Invalid package .*\.asar|Failed to load native binding|Cannot load addon/.test(
      text,
    )
  ) {
    return { kind: 'install_damaged', detail: partNamed(text) };
  }
  const missing = /Cannot find (?:module|addon|native binding)/.test(text);
  if (code === 'MODULE_NOT_FOUND' || code === 'ADDON_NOT_FOUND' || missing || addon !== undefined) {
    return { kind: 'part_missing', detail: partNamed(text) };
  }
  if (
    options.stage === 'data' &&
    code !== undefined &&
    (FOLDER_CODES.has(code) || code === 'ENOENT')
  ) {
    return { kind: 'data_folder_not_writable', detail: options.dataDir };
  }
  return { kind: 'unknown', detail: code ?? firstLine(text) };
}

interface ErrorLike {
  message: string;
  code: string | undefined;
}

/** The error and its causes (loaders wrap the dynamic linker's message in their own). */
function causesOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8) {
    if (typeof current !== 'object') {
      chain.push({ message: String(current), code: undefined });
      break;
    }
    const record = current as { message?: unknown; code?: unknown; cause?: unknown };
    chain.push({
      message: typeof record.message === 'string' ? record.message : String(current),
      code: typeof record.code === 'string' ? record.code : undefined,
    });
    current = record.cause;
  }
  return chain;
}

/** The package the loader named (`@journeyapps/sqlcipher`, `sodium-native`…), else the module. */
function partNamed(text: string): string {
  const packages = [...text.matchAll(/node_modules[\\/]((?:@[^\\/\s]+[\\/])?[^\\/\s'"]+)/g)];
  const last = packages.at(-1)?.[1];
  if (last !== undefined) return last.replace(/\\/g, '/');
  const quoted = /Cannot find (?:module|addon) '([^']+)'/.exec(text)?.[1];
  return quoted ?? firstLine(text);
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
