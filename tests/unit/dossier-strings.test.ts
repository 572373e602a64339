import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRenderRuntime } from '../../electron/dossiers/dossier-runtime';
import { dossierStrings, sayIn } from '../../electron/dossiers/dossier-strings';
import { formatIn } from '../../electron/dossiers/dossier-format';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the dossier's strings", () => {
  it('has every key in both languages, not empty, with the same placeholders', () => {
    const { es, en } = dossierStrings;
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const key of Object.keys(es) as (keyof typeof es)[]) {
      expect(es[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(es[key]));
    }
  });

  it('fills placeholders and writes dates as each language does, no more precise than recorded', () => {
    expect(sayIn('es')('page', { page: 2, pages: 9 })).toBe('Página 2 de 9');
    const es = formatIn('es');
    const en = formatIn('en');
    expect(es.date('2026-03-14')).toBe('14 de marzo de 2026');
    expect(en.date('2026-03-14')).toBe('14 March 2026');
    expect(es.date('2026-03-01', 'day_unknown')).toBe('marzo de 2026');
    expect(en.date('2026-01-01', 'month_and_day_unknown')).toBe('2026');
    expect(es.date('2026-03-14', 'approximate')).toBe('aprox. 14 de marzo de 2026');
    expect(es.label('aggression_type', 'death_threat')).toBe('Amenaza de muerte');
    expect(es.place({ country: 'MX', department: 'Oaxaca', municipality: 'Juchitán' })).toBe(
      'Juchitán, Oaxaca, México',
    );
  });
});

describe('where the render worker and the fonts are found', () => {
  it('from source: the TypeScript worker through tsx, and the project fonts', () => {
    const runtime = defaultRenderRuntime(resolve(__dirname, '../../electron/dossiers'));
    expect(runtime.worker.file).toMatch(/render-worker\.ts$/);
    expect(runtime.worker.preload).toMatch(/tsx/);
    expect(runtime.fonts.regular).toBe(resolve(__dirname, '../../resources/fonts/DejaVuSans.ttf'));
  });

  it('bundled: the worker next to the bundle, the fonts in resources once packaged', async () => {
    const root = await mkdtemp(join(tmpdir(), 'resguardo-runtime-'));
    const bundle = join(root, 'app', 'out', 'main');
    await mkdir(join(root, 'resources', 'fonts'), { recursive: true });
    await mkdir(bundle, { recursive: true });
    const unpackaged = defaultRenderRuntime(bundle, join(root, 'resources'));
    expect(unpackaged.worker).toEqual({ file: join(bundle, 'dossier-worker.js'), preload: null });
    expect(unpackaged.fonts.regular).toBe(
      join(root, 'app', 'resources', 'fonts', 'DejaVuSans.ttf'),
    );
    await writeFile(join(root, 'resources', 'fonts', 'DejaVuSans.ttf'), '');
    const packaged = defaultRenderRuntime(bundle, join(root, 'resources'));
    expect(packaged.fonts.bold).toBe(join(root, 'resources', 'fonts', 'DejaVuSans-Bold.ttf'));
    await rm(root, { recursive: true, force: true });
  });
});
