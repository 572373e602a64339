import { AppFailure } from '../../shared/errors';
import { checksum } from './tar-format';

const corrupt = () => new AppFailure('exchange_corrupt');

function field(block: Uint8Array, offset: number, length: number): string {
  const bytes = block.subarray(offset, offset + length);
  const nul = bytes.indexOf(0);
  return Buffer.from(nul < 0 ? bytes : bytes.subarray(0, nul)).toString('utf8');
}

function octalField(block: Uint8Array, offset: number, length: number): number {
  const text = field(block, offset, length).trim();
  if (!/^[0-7]{1,11}$/.test(text)) throw corrupt();
  return parseInt(text, 8);
}

/** A name that tries to leave the archive's folder is refused by its own code, whatever it is. */
export function isUnsafeName(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    name.split('/').some((part) => part === '..' || part === '.' || part === '')
  );
}

/**
 * Judge one header block of the inner archive (the entries thread found it; it walks the
 * archive but decides nothing): only what tar-format.ts writes is accepted — a regular file
 * with a short, safe name, a valid checksum and the ustar magic.
 */
export function parseTarHeader(block: Uint8Array): { name: string; size: number } {
  if (block.length !== 512) throw corrupt();
  if (octalField(block, 148, 8) !== checksum(block)) throw corrupt();
  if (field(block, 257, 6) !== 'ustar' || field(block, 263, 2) !== '00') throw corrupt();
  const name = field(block, 0, 100);
  if (isUnsafeName(name) || field(block, 345, 155) !== '') {
    throw new AppFailure('exchange_unsafe_path');
  }
  if (String.fromCharCode(block[156]!) !== '0') throw corrupt();
  return { name, size: octalField(block, 124, 12) };
}
