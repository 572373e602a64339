import { type Snippet } from '../../shared/contract/cases';

const TOKEN = /[\p{L}\p{N}]+/gu;
const WINDOW_TOKENS = 18;
const BEFORE_TOKENS = 5;

/** As the FTS5 tokenizer compares (unicode61, remove_diacritics 2): no accents, lower case. */
export function foldToken(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query as the tokenizer sees them; the last one also matches as a prefix. */
export function queryTerms(input: string, max: number): string[] {
  return (input.normalize('NFC').match(TOKEN) ?? []).slice(0, max).map(foldToken);
}

/**
 * A window of about 18 words around the first match, with every matching word marked. Built
 * here rather than with FTS5's snippet(): for a common word, snippet() re-reads the word's whole
 * list of documents for each snippet (~5 ms each at 100 000 cases).
 */
export function makeSnippet(body: string, terms: readonly string[]): Snippet {
  const tokens = [...body.matchAll(TOKEN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    folded: foldToken(m[0]),
  }));
  const last = terms.length - 1;
  const isMatch = (folded: string) =>
    terms.some((term, i) => folded === term || (i === last && folded.startsWith(term)));
  const first = Math.max(
    0,
    tokens.findIndex((t) => isMatch(t.folded)),
  );
  const from = Math.max(0, first - BEFORE_TOKENS);
  const to = Math.min(tokens.length, from + WINDOW_TOKENS);
  if (tokens.length === 0) return body ? [{ text: body.slice(0, 200), match: false }] : [];
  const startAt = from === 0 ? 0 : (tokens[from]?.start ?? 0);
  const endAt = to === tokens.length ? body.length : (tokens[to - 1]?.end ?? body.length);
  const pieces: Snippet = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const previous = pieces.at(-1);
    if (previous && previous.match === match) previous.text += text;
    else pieces.push({ text, match });
  };
  if (from > 0) push('…', false);
  let cursor = startAt;
  for (const token of tokens.slice(from, to)) {
    if (!isMatch(token.folded)) continue;
    push(body.slice(cursor, token.start), false);
    push(body.slice(token.start, token.end), true);
    cursor = token.end;
  }
  push(body.slice(cursor, endAt), false);
  if (to < tokens.length) push('…', false);
  return pieces;
}
