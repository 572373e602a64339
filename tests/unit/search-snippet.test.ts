import { describe, expect, it } from 'vitest';
import { makeSnippet, queryTerms } from '../../electron/repositories/search-snippet';

const text = (s: { text: string }[]) => s.map((p) => p.text).join('');
const matches = (s: { text: string; match: boolean }[]) =>
  s.filter((p) => p.match).map((p) => p.text);

describe('search snippets', () => {
  it('marks every matching word, ignoring accents and case, the last term as a prefix', () => {
    const body = 'Amenaza frente a la Radio comunitaria de Juchitán; la radio cerró.';
    const snippet = makeSnippet(body, queryTerms('juchitan RADIO comun', 12));
    expect(matches(snippet)).toEqual(['Radio', 'comunitaria', 'Juchitán', 'radio']);
    expect(text(snippet)).toBe(body);
  });

  it('cuts a long text to a window around the first match, with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `palabra${i}`);
    words[30] = 'allanamiento';
    const snippet = makeSnippet(words.join(' '), queryTerms('allanamiento', 12));
    expect(text(snippet).startsWith('…')).toBe(true);
    expect(text(snippet).endsWith('…')).toBe(true);
    expect(matches(snippet)).toEqual(['allanamiento']);
    expect(text(snippet)).toContain('palabra25 palabra26');
    expect(text(snippet)).not.toContain('palabra10 ');
  });
});
