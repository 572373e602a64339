/**
 * The small part of POSIX ustar this format needs: regular files with short names, nothing else.
 * Written by hand so the reader can be strict (tar-reader.ts) — every field checked, no links,
 * no long-name extensions, no PAX headers.
 */
export const BLOCK = 512;
/** 11 octal digits: the ustar size limit, 8 GiB − 1. */
export const USTAR_MAX_SIZE = 8 ** 11 - 1;
/** Pad the archive to tar's default 20-block record, as tar itself does. */
const RECORD = 20 * BLOCK;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

export function checksum(block: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error('tar name too long');
  if (!Number.isSafeInteger(size) || size < 0 || size > USTAR_MAX_SIZE)
    throw new Error('tar entry too large');
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 'utf8');
  block.write(octal(0o600, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(`${checksum(block).toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Two zero blocks, then zeros up to the record size. */
export function tarEnd(written: number): Buffer {
  const end = written + 2 * BLOCK;
  return Buffer.alloc(2 * BLOCK + ((RECORD - (end % RECORD)) % RECORD));
}
