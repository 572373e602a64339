/**
 * What the render worker receives: plain, already worded and already redacted data. Every
 * string the PDF will hold is in here (the worker adds only page numbers), so the redaction
 * guard can check all of it before it leaves the main thread.
 */
export type Block =
  /** A sub-heading inside a section (an aggression's date and place, a person's name). */
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Label: value lines. */
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'list'; items: string[] }
  /** A hash, in a monospaced font so it can be compared character by character. */
  | { kind: 'hash'; label: string; value: string };

export interface DossierSection {
  /** Stable id for the PDF's internal link targets; never shown. */
  id: string;
  title: string;
  blocks: Block[];
}

export interface DossierDocument {
  /** Document information dictionary: a title without names. */
  title: string;
  language: 'es' | 'en';
  cover: { title: string; lines: [label: string, value: string][]; notice: string };
  tocTitle: string;
  /** With `{page}` and `{pages}`. */
  pageLabel: string;
  sections: DossierSection[];
}

export interface FontFiles {
  regular: string;
  bold: string;
  mono: string;
}

/** Every string in a document, for the redaction guard and its tests. */
export function documentStrings(document: DossierDocument): string[] {
  const out = [document.title, document.tocTitle, document.pageLabel, document.cover.title];
  out.push(document.cover.notice, ...document.cover.lines.flat());
  for (const section of document.sections) {
    out.push(section.title);
    for (const block of section.blocks) out.push(...blockStrings(block));
  }
  return out;
}

function blockStrings(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'fields':
      return block.rows.flat();
    case 'list':
      return block.items;
    case 'hash':
      return [block.label, block.value];
  }
}

/** The same document with every string passed through `map` (redaction uses it). */
export function mapDocument(
  document: DossierDocument,
  map: (s: string) => string,
): DossierDocument {
  const pairs = (rows: [string, string][]) =>
    rows.map(([a, b]): [string, string] => [map(a), map(b)]);
  return {
    ...document,
    title: map(document.title),
    tocTitle: map(document.tocTitle),
    pageLabel: map(document.pageLabel),
    cover: {
      title: map(document.cover.title),
      lines: pairs(document.cover.lines),
      notice: map(document.cover.notice),
    },
    sections: document.sections.map((section) => ({
      id: section.id,
      title: map(section.title),
      blocks: section.blocks.map((block): Block => {
        switch (block.kind) {
          case 'heading':
          case 'paragraph':
            return { ...block, text: map(block.text) };
          case 'fields':
            return { kind: 'fields', rows: pairs(block.rows) };
          case 'list':
            return { kind: 'list', items: block.items.map(map) };
          case 'hash':
            return { kind: 'hash', label: map(block.label), value: block.value };
        }
      }),
    })),
  };
}
