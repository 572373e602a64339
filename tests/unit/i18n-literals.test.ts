import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sourceRoot = resolve(__dirname, '../../renderer/src');

/** Words that are the same in every language: the product's name only. */
const allowed = new Set(['Resguardo']);

/** Attributes a person reads or hears; their text must come from the catalogs. */
const textAttributes = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'valueLabel',
]);

const hasLetters = (text: string) => /\p{L}/u.test(text);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isJsxExpression(node)) return literalText(node.expression);
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [literalText(node.whenTrue), literalText(node.whenFalse)].filter(Boolean).join(' ');
  }
  return undefined;
}

/**
 * User-facing text written straight into JSX: text children with letters, `{'literal'}` children,
 * and literals in the attributes above. Each finding is `line: text`.
 */
function findLiterals(text: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    if (!hasLetters(trimmed) || allowed.has(trimmed)) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${line + 1}: ${trimmed}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      report(node, node.text);
    } else if (
      ts.isJsxExpression(node) &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const value = literalText(node.expression);
      if (value !== undefined) report(node, value);
    } else if (ts.isJsxAttribute(node) && textAttributes.has(node.name.getText(file))) {
      const value = literalText(node.initializer);
      if (value !== undefined) report(node, value);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('renderer components', () => {
  const files = tsxFiles(sourceRoot);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('contain no user-facing text outside the translation catalogs', () => {
    const findings = files.flatMap((file) =>
      findLiterals(readFileSync(file, 'utf8'), file).map(
        (finding) => `${relative(sourceRoot, file)}:${finding}`,
      ),
    );
    expect(findings).toEqual([]);
  });
});

describe('the literal finder', () => {
  it('reports planted literals', () => {
    const planted = [
      'export const A = () => (',
      '  <div aria-label="Cerrar" title={"Ayuda"}>',
      '    Hola',
      "    {'Adiós'}",
      '    <input placeholder={`Buscar ${x}`} alt="foto" />',
      '    <Meter valueLabel="fuerte" />',
      '  </div>',
      ');',
    ].join('\n');
    expect(findLiterals(planted, 'planted.tsx')).toEqual([
      '2: Cerrar',
      '2: Ayuda',
      '3: Hola',
      '4: Adiós',
      '5: Buscar',
      '5: foto',
      '6: fuerte',
    ]);
  });

  it('lets through translations, symbols, the brand name and non-text attributes', () => {
    const fine = [
      'export const B = () => (',
      '  <p className="brand" data-testid="recovery-group" aria-label={t("x.y")}>',
      '    Resguardo {t("a.b")} · ▾ − + {index + 1}',
      '  </p>',
      ');',
    ].join('\n');
    expect(findLiterals(fine, 'fine.tsx')).toEqual([]);
  });
});
