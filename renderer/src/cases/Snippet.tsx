import { type Snippet as SnippetPieces } from '../../../shared/contract/cases';

/**
 * A search snippet: main sends it already split into pieces (matched or not), so the page never
 * parses markup; each piece is React text, and matches are <mark>. Never innerHTML.
 */
export function Snippet({ pieces }: { pieces: SnippetPieces }) {
  return (
    <span className="snippet">
      {pieces.map((piece, index) =>
        piece.match ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>,
      )}
    </span>
  );
}
