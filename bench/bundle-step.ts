import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * A bench step (`bench/<entry>.ts`) bundled into one plain script, so it runs under bare Node as
 * main runs in the app (bundled by electron-vite), without tsx's loader in its memory. Packages
 * stay outside, as the app's dependencies do (the native ones cannot be bundled at all); the
 * script sits in the project's node_modules/.cache, where they resolve.
 */
export async function bundleStep(entry: string): Promise<string> {
  const outfile = join(
    __dirname,
    '..',
    'node_modules',
    '.cache',
    'resguardo-bench',
    `${entry}.cjs`,
  );
  await build({
    entryPoints: [join(__dirname, `${entry}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
