/**
 * Bech32 (BIP 173), as age writes keys: an `age1…` recipient and an `AGE-SECRET-KEY-1…` identity
 * each carry 32 bytes. age recipients are longer than BIP 173's 90 characters, so no length limit
 * here.
 */
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= GENERATOR[i]!;
  }
  return checksum;
}

function expandPrefix(prefix: string): number[] {
  const codes = [...prefix].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >>> 5), 0, ...codes.map((c) => c & 31)];
}

export function bech32Decode(text: string): { prefix: string; bytes: Uint8Array } {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) throw new Error('mixed case');
  const lower = text.toLowerCase();
  const split = lower.lastIndexOf('1');
  if (split < 1 || lower.length - split - 1 < 6) throw new Error('not bech32');
  const prefix = lower.slice(0, split);
  const words = [...lower.slice(split + 1)].map((c) => {
    const value = CHARSET.indexOf(c);
    if (value < 0) throw new Error('not bech32');
    return value;
  });
  if (polymod([...expandPrefix(prefix), ...words]) !== 1) throw new Error('bad checksum');
  const data = words.slice(0, -6);
  const bytes: number[] = [];
  let accumulator = 0;
  let bits = 0;
  for (const word of data) {
    accumulator = (accumulator << 5) | word;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((accumulator >>> bits) & 0xff);
    }
  }
  if (bits >= 5 || (accumulator & ((1 << bits) - 1)) !== 0) throw new Error('bad padding');
  return { prefix, bytes: Uint8Array.from(bytes) };
}

/** Bech32 of `bytes` under `prefix`, in lower case (age writes identities upper-cased). */
export function bech32Encode(prefix: string, bytes: Uint8Array): string {
  const words: number[] = [];
  let accumulator = 0;
  let bits = 0;
  for (const byte of bytes) {
    accumulator = ((accumulator << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      words.push((accumulator >>> bits) & 31);
    }
  }
  if (bits > 0) words.push((accumulator << (5 - bits)) & 31);
  const lower = prefix.toLowerCase();
  const checksum = polymod([...expandPrefix(lower), ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  for (let i = 0; i < 6; i++) words.push((checksum >>> (5 * (5 - i))) & 31);
  return `${lower}1${words.map((word) => CHARSET[word]).join('')}`;
}
