import { type FileHandle } from 'node:fs/promises';
import { AppFailure } from '../../shared/errors';
import { chachaOpen } from '../crypto/chacha20-poly1305';
import { closeAll, isRegularEntry, openRegularFiles } from '../files/regular-file';
import { type AgeKey, HEADER_MAX, headerLength, openHeader } from './age-reader';
import { parseAgeHeader } from './age-stanzas';
import { envelopeSigned, readEnvelope, type SignedEnvelope } from './envelope';
import { ENTRY } from './manifest';
import { exportParts } from './part-files';
import { BLOCK } from './tar-format';
import { parseTarHeader } from './tar-reader';

/*
 * What a stick's listing can honestly say of each file, reading at most its header and its
 * first 64 KiB chunk (never the whole file): whether it is under a passphrase or for partner
 * offices (the header's stanza types, no key needed); whether this office can open it (its
 * identity unwraps a stanza); and, for a file it can open, who sent it and when — the signed
 * envelope in the first entry (envelope.ts), checked against the key of the office it names
 * when that office is this one or a partner. Files from before the envelope say less.
 */

const AGE_CHUNK = 64 * 1024;
const AGE_SEALED = AGE_CHUNK + 16;
/** Enough for the headers we write (a few hundred bytes); a longer one is read up to the limit. */
const FIRST_READ = 4096;

export type StickFileState =
  'not_a_file' | 'unreadable' | 'passphrase' | 'other_offices' | 'for_this_office';

export interface StickFile {
  state: StickFileState;
  /** For a file this office can open and whose envelope names its sender. */
  sender: { fingerprint: string; name: string; status: SenderStatus } | null;
  createdAt: string | null;
  /** Bytes read to say all this (tests hold it to the bound above). */
  bytesRead: number;
}

export type SenderStatus = 'self' | 'verified' | 'unverified' | 'unknown';

/** Who this office is and whom it knows, looked up once for a whole listing. */
export interface ListingKeys {
  identity: string;
  own: { fingerprint: string; signingPublic: string };
  partner(
    fingerprint: string,
  ): { name: string; signingPublic: string; verified: boolean } | undefined;
}

const state = (s: StickFileState, bytesRead: number): StickFile => ({
  state: s,
  sender: null,
  createdAt: null,
  bytesRead,
});

/** Describe the file (or the first part of one) at `path`. Never throws. */
export async function describeStickFile(path: string, keys: ListingKeys): Promise<StickFile> {
  try {
    if (!(await isRegularEntry(path))) return state('not_a_file', 0);
  } catch {
    return state('unreadable', 0);
  }
  let handles: FileHandle[] = [];
  const reader = { bytesRead: 0 };
  try {
    handles = await openRegularFiles(await exportParts(path));
    return await describeOpened(handles, keys, reader);
  } catch (error) {
    const code = error instanceof AppFailure ? error.code : null;
    return state(code === 'exchange_not_a_file' ? 'not_a_file' : 'unreadable', reader.bytesRead);
  } finally {
    await closeAll(handles);
  }
}

async function describeOpened(
  handles: FileHandle[],
  keys: ListingKeys,
  reader: { bytesRead: number },
): Promise<StickFile> {
  const sizes = await Promise.all(handles.map(async (h) => (await h.stat()).size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const read = async (position: number, length: number) => {
    const bytes = await readAt(handles, sizes, position, length);
    reader.bytesRead += bytes.length;
    return bytes;
  };
  let head = await read(0, Math.min(total, FIRST_READ));
  if (headerLength(head) === null && total > head.length) {
    head = Buffer.concat([
      head,
      await read(head.length, Math.min(total, HEADER_MAX + 16) - head.length),
    ]);
  }
  const length = headerLength(head.subarray(0, HEADER_MAX));
  if (length === null) return state('unreadable', reader.bytesRead);
  const stanzas = parseAgeHeader(head.subarray(0, length)).stanzas;
  if (stanzas.some((s) => s.type === 'scrypt')) return state('passphrase', reader.bytesRead);

  const key: AgeKey = { identity: keys.identity };
  let opened: Awaited<ReturnType<typeof openHeader>>;
  try {
    opened = await openHeader(head, key);
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'exchange_wrong_key') {
      return state('other_offices', reader.bytesRead);
    }
    throw error;
  }
  if (!opened) return state('unreadable', reader.bytesRead);
  const { payloadKey, payloadStart } = opened;
  try {
    const payload = total - payloadStart;
    const sealed = await read(payloadStart, Math.min(payload, AGE_SEALED));
    const nonce = Buffer.alloc(12);
    nonce[11] = payload <= AGE_SEALED ? 1 : 0;
    const plain = chachaOpen(payloadKey, nonce, sealed);
    if (plain === null) return state('unreadable', reader.bytesRead);
    const envelope = envelopeIn(plain);
    const base = state('for_this_office', reader.bytesRead);
    return envelope ? { ...base, ...senderOf(envelope, keys) } : base;
  } finally {
    payloadKey.fill(0);
  }
}

/** The signed envelope in the first entry of the archive's first chunk, if there is one. */
function envelopeIn(plain: Buffer): SignedEnvelope | null {
  if (plain.length < BLOCK) return null;
  const { name, size } = parseTarHeader(plain.subarray(0, BLOCK));
  if (name !== ENTRY.format || BLOCK + size > plain.length) return null;
  return readEnvelope(plain.subarray(BLOCK, BLOCK + size));
}

/** The sender as this office knows it; an envelope its named sender did not sign is damage. */
function senderOf(signed: SignedEnvelope, keys: ListingKeys) {
  const { sender: fingerprint, createdAt, office } = signed.envelope;
  const known =
    fingerprint === keys.own.fingerprint
      ? { status: 'self' as const, name: office, signingPublic: keys.own.signingPublic }
      : (() => {
          const partner = keys.partner(fingerprint);
          return partner
            ? {
                status: partner.verified ? ('verified' as const) : ('unverified' as const),
                name: partner.name,
                signingPublic: partner.signingPublic,
              }
            : null;
        })();
  // An office we do not know: its key is not known here, so its name is only what it claims.
  if (known === null)
    return { sender: { fingerprint, name: office, status: 'unknown' as const }, createdAt };
  if (!envelopeSigned(signed, known.signingPublic)) throw new AppFailure('exchange_bad_signature');
  return { sender: { fingerprint, name: known.name, status: known.status }, createdAt };
}

/** `length` bytes from `position` of the parts read as one file. */
async function readAt(
  handles: FileHandle[],
  sizes: number[],
  position: number,
  length: number,
): Promise<Buffer> {
  const out = Buffer.alloc(length);
  let filled = 0;
  let start = 0;
  for (let i = 0; i < handles.length && filled < length; i++) {
    const size = sizes[i]!;
    const from = position + filled - start;
    if (from < size) {
      const want = Math.min(length - filled, size - from);
      const { bytesRead } = await handles[i]!.read(out, filled, want, from);
      filled += bytesRead;
      if (bytesRead < want) break;
    }
    start += size;
  }
  return out.subarray(0, filled);
}
