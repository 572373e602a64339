import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Fail once, clearly, when there is no build; otherwise take a copy of `out/renderer` for this
 * run, so a rebuild in the same checkout while the tests run cannot swap files under the page.
 * The hosts find the copy through RESGUARDO_E2E_RENDERER (workers inherit the environment).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const built = resolve(__dirname, '..', '..', 'out', 'renderer');
  if (!existsSync(join(built, 'index.html'))) {
    throw new Error(
      `No renderer build in ${built}: run \`npx electron-vite build\` (or \`npm test\`) first.`,
    );
  }
  const snapshot = await mkdtemp(join(tmpdir(), 'resguardo-e2e-renderer-'));
  await cp(built, snapshot, { recursive: true });
  process.env.RESGUARDO_E2E_RENDERER = snapshot;
  return async () => {
    await rm(snapshot, { recursive: true, force: true });
  };
}
