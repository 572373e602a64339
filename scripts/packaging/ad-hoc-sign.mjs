// electron-builder afterSign hook. electron-builder flips the fuses (electron-builder.yml) and
// then signs; with no signing identity it skips signing, and an arm64 app whose signature the
// fuses broke does not launch. Here such a build gets an ad-hoc signature, so a local build
// launches on the machine that built it. A build signed with a Developer ID passes the check
// and is left alone (distribution: see the README).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** True when `codesign` accepts the app's signature as it stands. */
function signatureValid(appPath, run) {
  try {
    run('codesign', ['--verify', '--deep', '--strict', appPath]);
    return true;
  } catch {
    return false;
  }
}

/** Sign ad hoc unless the app already carries a valid signature; says what it did. */
export function signAdHocIfUnsigned(appPath, run) {
  if (signatureValid(appPath, run)) return 'kept';
  run('codesign', ['--force', '--deep', '--sign', '-', appPath]);
  return 'ad-hoc';
}

export async function afterSign(context) {
  if (context.electronPlatformName !== 'darwin') return;
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  const run = (command, args) => execFileSync(command, args, { stdio: 'pipe' });
  const result = signAdHocIfUnsigned(appPath, run);
  if (result === 'ad-hoc') console.log(`  • signed ad hoc (no signing identity): ${appPath}`);
}

export default afterSign;
