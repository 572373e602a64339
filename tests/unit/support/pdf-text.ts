import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';

/**
 * The text poppler extracts, one string per page (pdftotext ends each page with a form feed),
 * with runs of white space made one space: a long title wraps at the line's end.
 */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' '));
}

export function pdfFonts(path: string): string {
  return execFileSync('pdffonts', [path], { encoding: 'utf8' });
}

export function pdfInfo(path: string): string {
  return execFileSync('pdfinfo', [path], { encoding: 'utf8' });
}

/**
 * The file's bytes plus every stream inflated: text in content streams is compressed (and
 * written as glyph ids), so searching the file alone would prove little.
 */
export async function pdfByteViews(path: string): Promise<Buffer[]> {
  const bytes = await readFile(path);
  const views = [bytes];
  let at = 0;
  for (;;) {
    const start = bytes.indexOf('stream', at);
    if (start < 0) break;
    const body = bytes.indexOf('\n', start) + 1;
    const end = bytes.indexOf('endstream', body);
    if (end < 0) break;
    try {
      views.push(inflateSync(bytes.subarray(body, end)));
    } catch {
      views.push(bytes.subarray(body, end)); // not compressed
    }
    at = end + 'endstream'.length;
  }
  return views;
}

/** The ways a PDF writer may spell a string in its bytes. */
export function spellings(text: string): Buffer[] {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'latin1'),
    utf16,
    Buffer.from(utf16.toString('hex')),
    Buffer.from(utf16.toString('hex').toUpperCase()),
  ];
}

export async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
