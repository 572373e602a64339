import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type FontFiles } from './dossier-document';
import { type RenderRuntime } from './render-job';

export function fontFiles(dir: string): FontFiles {
  return {
    regular: join(dir, 'DejaVuSans.ttf'),
    bold: join(dir, 'DejaVuSans-Bold.ttf'),
    mono: join(dir, 'DejaVuSansMono.ttf'),
  };
}

/**
 * Where the worker and the fonts are, found from this module's folder:
 * - from source (vitest, tsx: `electron/dossiers/`): the TypeScript worker next to this file,
 *   loaded through tsx, and `<project>/resources/fonts`;
 * - bundled (`out/main/`): `dossier-worker.js` next to the bundle, and the fonts in
 *   `process.resourcesPath/fonts` once packaged (electron-builder `extraResources`), else
 *   `<project>/resources/fonts` (electron-vite preview).
 * `folder` and `resourcesPath` are parameters so both layouts can be tested.
 */
export function defaultRenderRuntime(
  folder: string = __dirname,
  resourcesPath: string | undefined = electronResourcesPath(),
): RenderRuntime {
  const projectFonts = join(folder, '..', '..', 'resources', 'fonts');
  const source = join(folder, 'render-worker.ts');
  if (existsSync(source)) {
    const preload = createRequire(join(folder, 'noop.js')).resolve('tsx/cjs/api');
    return { fonts: fontFiles(projectFonts), worker: { file: source, preload } };
  }
  const packaged = resourcesPath ? join(resourcesPath, 'fonts') : null;
  const fontsDir =
    packaged && existsSync(join(packaged, 'DejaVuSans.ttf')) ? packaged : projectFonts;
  return {
    fonts: fontFiles(fontsDir),
    worker: { file: join(folder, 'dossier-worker.js'), preload: null },
  };
}

/** Electron adds `resourcesPath` to `process`; plain Node has none. */
function electronResourcesPath(): string | undefined {
  const value: unknown = Reflect.get(process, 'resourcesPath');
  return typeof value === 'string' ? value : undefined;
}
