import { AppFailure } from '../../shared/errors';
import { BLOCK, checksum } from './tar-format';

export interface TarSink {
  /** Refuse a name or size here (throw) before any of its bytes arrive. */
  start(name: string, size: number): Promise<void>;
  data(bytes: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

type State =
  | { at: 'header' }
  | { at: 'body'; left: number; padding: number }
  | { at: 'padding'; left: number }
  | { at: 'trailer'; zeroBlocks: number };

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
 * A push parser for the archives tar-format.ts writes: anything else is refused — other entry
 * types, long names, bad checksums, data after the end marker, an archive cut short.
 */
export function createTarReader(sink: TarSink) {
  let state: State = { at: 'header' };
  let held = Buffer.alloc(0);

  async function header(block: Buffer): Promise<void> {
    if (block.every((b) => b === 0)) {
      state = { at: 'trailer', zeroBlocks: 1 };
      return;
    }
    if (octalField(block, 148, 8) !== checksum(block)) throw corrupt();
    if (field(block, 257, 6) !== 'ustar' || field(block, 263, 2) !== '00') throw corrupt();
    const name = field(block, 0, 100);
    if (isUnsafeName(name) || field(block, 345, 155) !== '') {
      throw new AppFailure('exchange_unsafe_path');
    }
    if (String.fromCharCode(block[156]!) !== '0') throw corrupt();
    const size = octalField(block, 124, 12);
    await sink.start(name, size);
    if (size === 0) await sink.end();
    state =
      size === 0
        ? { at: 'header' }
        : { at: 'body', left: size, padding: (BLOCK - (size % BLOCK)) % BLOCK };
  }

  return {
    async push(chunk: Uint8Array): Promise<void> {
      let input = held.length ? Buffer.concat([held, chunk]) : Buffer.from(chunk);
      held = Buffer.alloc(0);
      while (input.length > 0) {
        if (state.at === 'body') {
          const take = Math.min(state.left, input.length);
          await sink.data(input.subarray(0, take));
          input = input.subarray(take);
          const left = state.left - take;
          if (left > 0) state = { ...state, left };
          else {
            await sink.end();
            state = state.padding ? { at: 'padding', left: state.padding } : { at: 'header' };
          }
          continue;
        }
        if (state.at === 'padding') {
          const take = Math.min(state.left, input.length);
          input = input.subarray(take);
          state = state.left > take ? { at: 'padding', left: state.left - take } : { at: 'header' };
          continue;
        }
        if (input.length < BLOCK) {
          held = Buffer.from(input);
          return;
        }
        const block = input.subarray(0, BLOCK);
        input = input.subarray(BLOCK);
        if (state.at === 'header') await header(block);
        else if (!block.every((b) => b === 0)) throw corrupt();
        else state = { at: 'trailer', zeroBlocks: state.zeroBlocks + 1 };
      }
    },
    /** The archive must have ended cleanly: two zero blocks, nothing half read. */
    finish(): void {
      if (state.at !== 'trailer' || state.zeroBlocks < 2 || held.length > 0) throw corrupt();
    },
  };
}
