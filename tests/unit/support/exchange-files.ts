import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeArchive } from '../../../electron/exchange/archive-writer';
import { createEncryptingWriter } from '../../../electron/exchange/encrypting-writer';
import {
  type EvidenceBlob,
  type ExchangeRecord,
  type ExportSource,
} from '../../../electron/exchange/exchange-records';
import { fingerprintOf } from '../../../electron/office/office-card';
import { generateOfficeKeys, type OfficeKeys } from '../../../electron/office/office-keys';

export function blob(bytes: Buffer): EvidenceBlob {
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += 50_000) yield bytes.subarray(i, i + 50_000);
    },
  };
}

export function memorySource(records: ExchangeRecord[], evidence: Buffer[]): ExportSource {
  return {
    async *records() {
      yield* records;
    },
    evidence: async () => evidence.map(blob),
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

/** The plaintext inner tar a sender would write, in memory. */
export async function innerArchive(source: ExportSource, keys?: OfficeKeys) {
  const sender = keys ?? (await generateOfficeKeys());
  const chunks: Buffer[] = [];
  const manifest = await writeArchive({
    source,
    keys: sender,
    fields: await senderFields(sender),
    write: async (bytes) => void chunks.push(Buffer.from(bytes)),
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
  const [path] = await writer.end();
  return path!;
}
