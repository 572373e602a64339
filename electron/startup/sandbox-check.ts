/**
 * Chromium switches that take the renderer's operating-system sandbox away. `--no-sandbox` is the
 * one launchers add (electron-builder's AppImage does, where user namespaces are restricted);
 * the seccomp filter is the renderer's other layer on Linux.
 */
const SANDBOX_OFF_SWITCHES = ['no-sandbox', 'disable-seccomp-filter-sandbox'];

/**
 * What switched the sandbox off, or null. `hasSwitch` is Electron's `app.commandLine.hasSwitch`
 * (it sees switches added by code too); argv and the environment are checked as well, since
 * Electron turns `ELECTRON_DISABLE_SANDBOX` into `--no-sandbox` by itself.
 */
export function sandboxDisabledBy(options: {
  hasSwitch: (name: string) => boolean;
  argv: readonly string[];
  env: Record<string, string | undefined>;
}): string | null {
  const disable = options.env['ELECTRON_DISABLE_SANDBOX'];
  if (disable !== undefined && disable !== '') return 'ELECTRON_DISABLE_SANDBOX';
  for (const name of SANDBOX_OFF_SWITCHES) {
    const inArgv = options.argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (options.hasSwitch(name) || inArgv) return `--${name}`;
  }
  return null;
}
