import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors';
import en from '../../shared/locales/en.json';
import es from '../../shared/locales/es.json';

const sourceRoot = resolve(__dirname, '../../renderer/src');

/** Nested resources as `a.b.c` → value. Anything that is not a string is reported as such. */
function flatten(
  value: unknown,
  prefix = '',
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

const flat = { es: flatten(es), en: flatten(en) };
const pluralSuffixes = ['_zero', '_one', '_two', '_few', '_many', '_other'];

/** A key used in code exists if it is there as is, or as i18next plural forms. */
function hasKey(keys: Map<string, unknown>, key: string): boolean {
  return keys.has(key) || pluralSuffixes.some((suffix) => keys.has(`${key}${suffix}`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Keys the source names literally: the first argument of `t(...)`/`i18n.t(...)`, plus any string
 * literal that starts with one of the catalog's top-level namespaces (keys kept in tables, like
 * the section list). Template literals (`errors.${code}`) are covered by the tests below.
 */
function literalKeys(text: string, fileName: string, namespaces: Set<string>): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isT =
        (ts.isIdentifier(callee) && callee.text === 't') ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
      const first = node.arguments[0];
      if (isT && first !== undefined && ts.isStringLiteralLike(first)) found.add(first.text);
    } else if (ts.isStringLiteralLike(node) && !ts.isImportDeclaration(node.parent)) {
      const namespace = node.text.split('.')[0] ?? '';
      if (/^[A-Za-z]+(\.[A-Za-z0-9_]+)+$/.test(node.text) && namespaces.has(namespace)) {
        found.add(node.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...found];
}

describe('translation catalogs', () => {
  it('have the same keys in Spanish and English', () => {
    const onlyEs = [...flat.es.keys()].filter((key) => !flat.en.has(key));
    const onlyEn = [...flat.en.keys()].filter((key) => !flat.es.has(key));
    expect({ onlyEs, onlyEn }).toEqual({ onlyEs: [], onlyEn: [] });
  });

  it('have no empty or non-text values', () => {
    for (const [language, keys] of Object.entries(flat)) {
      const bad = [...keys].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => `${language}:${key}`)).toEqual([]);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    const placeholders = (value: unknown) =>
      [...String(value).matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]).sort();
    const differing = [...flat.es.keys()].filter(
      (key) =>
        flat.en.has(key) &&
        placeholders(flat.es.get(key)).join() !== placeholders(flat.en.get(key)).join(),
    );
    expect(differing).toEqual([]);
  });

  it('translate every error code of shared/errors.ts', () => {
    for (const [language, keys] of Object.entries(flat)) {
      const missing = errorCodes.filter((code) => !keys.has(`errors.${code}`));
      expect(missing, language).toEqual([]);
    }
  });

  it('translate every passphrase problem, score and field message used dynamically', () => {
    const dynamic = [
      ...['too_short', 'too_long', 'too_guessable', 'contains_personal'].map(
        (problem) => `passphrase.problems.${problem}`,
      ),
      ...[0, 1, 2, 3, 4].map((score) => `passphrase.score.${score}`),
      // What main puts in AppError.fields (electron/ipc/dispatcher.ts) and the forms' own codes.
      ...['required', 'too_long', 'too_short', 'mismatch', 'invalid', 'weak'].map(
        (code) => `validation.${code}`,
      ),
    ];
    for (const [language, keys] of Object.entries(flat)) {
      expect(
        dynamic.filter((key) => !keys.has(key)),
        language,
      ).toEqual([]);
    }
  });
});

describe('renderer source', () => {
  const namespaces = new Set(Object.keys(es));
  const files = sourceFiles(sourceRoot);

  it('is found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('names only keys that exist in both languages', () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const key of literalKeys(readFileSync(file, 'utf8'), file, namespaces)) {
        for (const [language, keys] of Object.entries(flat)) {
          if (!hasKey(keys, key))
            missing.push(`${language}:${key} (${file.slice(sourceRoot.length + 1)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('would notice a missing key (self-check of the scanner)', () => {
    const planted = `const a = t('shell.noSuchKey'); const b = { k: 'sections.nowhere.title' };`;
    expect(literalKeys(planted, 'planted.tsx', namespaces)).toEqual([
      'shell.noSuchKey',
      'sections.nowhere.title',
    ]);
    expect(hasKey(flat.es, 'shell.noSuchKey')).toBe(false);
    expect(hasKey(flat.es, 'wait.seconds')).toBe(true);
  });
});
