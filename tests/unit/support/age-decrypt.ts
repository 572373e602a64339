import { AppFailure } from '../../../shared/errors';
import { chachaOpen } from '../../../electron/crypto/chacha20-poly1305';
import { type AgeKey, openHeader, shortFileFailure } from '../../../electron/exchange/age-reader';

const SEALED = 64 * 1024 + 16;

function openChunk(key: Buffer, counter: bigint, sealed: Buffer, last: boolean): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(counter & 0xffffffffffffffffn, 3);
  if (last) iv[11] = 1;
  const plain = chachaOpen(key, iv, sealed);
  if (!plain) throw new AppFailure('exchange_corrupt');
  return plain;
}

/**
 * A plain age decrypter on the calling thread, beside the app's threaded one
 * (import-reader.ts): each chunk is authentic when it is yielded, the file complete only when
 * the generator returns.
 */
export async function* decryptAge(
  source: AsyncIterable<Buffer>,
  key: AgeKey,
): AsyncGenerator<Buffer> {
  let buffer: Buffer = Buffer.alloc(0);
  let payloadKey: Buffer | null = null;
  let counter = 0n;
  for await (const chunk of source) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    if (!payloadKey) {
      const opened = await openHeader(buffer, key);
      if (!opened) continue;
      payloadKey = opened.payloadKey;
      buffer = buffer.subarray(opened.payloadStart);
    }
    // Strictly more than one sealed chunk left: this one cannot be the last.
    while (buffer.length > SEALED) {
      yield openChunk(payloadKey, counter++, buffer.subarray(0, SEALED), false);
      buffer = buffer.subarray(SEALED);
    }
  }
  if (!payloadKey) throw shortFileFailure(buffer.length);
  // An empty last chunk is only valid for an empty file; anything shorter than a tag is cut.
  if (buffer.length < 16 || (buffer.length === 16 && counter > 0n)) {
    throw new AppFailure('exchange_corrupt');
  }
  yield openChunk(payloadKey, counter, buffer, true);
  payloadKey.fill(0);
}
