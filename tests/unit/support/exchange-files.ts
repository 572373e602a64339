import { type DeletedRecord } from '../../../electron/exchange/deletion-notices';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeArchive } from '../../../electron/exchange/archive-writer';
import { createEncryptingWriter } from '../../../electron/exchange/encrypting-writer';
import {
  type EvidenceBlob,
  type ExchangeRecord,
  type ExportSource,
} from '../../../electron/exchange/exchange-records';
import { fingerprintOf } from '../../../electron/office/office-card';
import { generateOfficeKeys, type OfficeKeys } from '../../../electron/office/office-keys';
import { tempDir } from './temp-dir';

/** Evidence as a plain file in a test folder (the feed thread hashes it on the way out). */
export async function blob(bytes: Buffer): Promise<EvidenceBlob> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = join(await tempDir(), sha256);
  await writeFile(path, bytes);
  return {
    sha256,
    size: bytes.length,
    source: { kind: 'plain', path, size: bytes.length, sha256 },
  };
}

export function memorySource(records: ExchangeRecord[], evidence: Buffer[]): ExportSource {
  let blobs: Promise<EvidenceBlob[]> | null = null;
  return {
    async *records() {
      yield* records;
    },
    evidence: () => (blobs ??= Promise.all(evidence.map(blob))),
  };
}

export const sampleRecords: ExchangeRecord[] = [
  { kind: 'case_notes', id: randomUUID(), data: { body: 'Llamar el lunes', author: 'Ana' } },
];

export async function senderFields(keys: OfficeKeys, sequence = 1) {
  return {
    exportId: randomUUID(),
    createdAt: new Date().toISOString(),
    sender: {
      name: 'Oficina de prueba',
      fingerprint: fingerprintOf(keys),
      ageRecipient: keys.ageRecipient,
      signingPublic: keys.signingPublic,
    },
    sequence,
    recipients: [],
  };
}

/** The plaintext inner tar a sender would write, in memory (`deleted`: its notices). */
export async function innerArchive(
  source: ExportSource,
  keys?: OfficeKeys,
  deleted: DeletedRecord[] = [],
) {
  const sender = keys ?? (await generateOfficeKeys());
  const chunks: Buffer[] = [];
  const manifest = await writeArchive({
    source,
    keys: sender,
    fields: { ...(await senderFields(sender)), deleted },
    write: async (bytes) => void chunks.push(Buffer.from(bytes)),
    writeEvidence: async (evidence) => {
      if (evidence.source.kind !== 'plain') throw new Error('plain evidence only');
      chunks.push(await readFile(evidence.source.path));
    },
  });
  return { tar: Buffer.concat(chunks), manifest, keys: sender };
}

/** Encrypt any bytes to an age recipient, as an attacker with the public card could. */
export async function encryptTo(recipient: string, bytes: Buffer, folder: string): Promise<string> {
  const tempBase = `${folder}/${randomBytes(4).toString('hex')}`;
  const writer = await createEncryptingWriter({
    target: { recipients: [recipient] },
    tempBase,
    splitSize: 1e12,
  });
  await writer.write(bytes);
  const [path] = (await writer.end()).parts;
  return path!;
}
