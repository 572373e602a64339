import { z } from 'zod';
import { signBytes, verifySignature, type OfficeKeys } from '../office/office-keys';
import { FORMAT_NAME, formatMarkerSchema, type Manifest } from './manifest';

/*
 * The envelope: who sent a file, when, to whom — signed, inside the first entry (format.json),
 * so it is read after decrypting only the file's first chunk (a stick's listing, stick-files.ts)
 * rather than the whole file, whose manifest comes last. format.json was always read with
 * unknown keys ignored and refused above 1 KiB, so apps that predate the envelope read these
 * files as before: no version change. The manifest stays the authority; the importer refuses a
 * file whose envelope does not match its signed manifest (import-reader.ts).
 */

/** What apps before the envelope accept as format.json (archive-sink.ts SMALL_MAX.format). */
export const FORMAT_ENTRY_MAX = 1024;
/** The signed bytes start with this, so no other signature of the office's key can pass. */
const SIGNED_LABEL = 'resguardo-envelope/1\n';
/** An office name longer than this is cut in the envelope (the manifest keeps it whole). */
const OFFICE_NAME_MAX = 60;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const envelopeSchema = z.strictObject({
  sender: sha256,
  office: z.string().max(OFFICE_NAME_MAX),
  createdAt: z.iso.datetime(),
  exportId: z.uuid(),
  sequence: z.number().int().positive(),
  /** Left out only when too many to fit the entry: the manifest lists them all. */
  recipients: z.array(sha256).max(100).optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

const formatEntrySchema = formatMarkerSchema.extend({
  envelope: envelopeSchema.optional(),
  signature: z.string().max(100).optional(),
});

const signedBytes = (envelope: Envelope) =>
  Buffer.from(SIGNED_LABEL + JSON.stringify(envelope), 'utf8');

/** format.json with the envelope signed by the sender, within `FORMAT_ENTRY_MAX` bytes. */
export function formatEntry(
  version: number,
  fields: Pick<Manifest, 'sender' | 'createdAt' | 'exportId' | 'sequence' | 'recipients'>,
  keys: OfficeKeys,
): Buffer {
  const build = (withRecipients: boolean) => {
    const envelope: Envelope = {
      sender: fields.sender.fingerprint,
      office: [...fields.sender.name].slice(0, OFFICE_NAME_MAX).join(''),
      createdAt: fields.createdAt,
      exportId: fields.exportId,
      sequence: fields.sequence,
      ...(withRecipients ? { recipients: fields.recipients } : {}),
    };
    const signature = signBytes(keys, signedBytes(envelope)).toString('base64');
    return Buffer.from(JSON.stringify({ format: FORMAT_NAME, version, envelope, signature }));
  };
  const whole = build(true);
  return whole.length <= FORMAT_ENTRY_MAX ? whole : build(false);
}

export interface SignedEnvelope {
  envelope: Envelope;
  signature: Buffer;
}

/** The envelope in a format.json body; null when it has none (files before it) or is not ours. */
export function readEnvelope(body: Buffer): SignedEnvelope | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = formatEntrySchema.safeParse(value);
  if (!parsed.success || !parsed.data.envelope || parsed.data.signature === undefined) return null;
  return {
    envelope: parsed.data.envelope,
    signature: Buffer.from(parsed.data.signature, 'base64'),
  };
}

/** Whether the holder of `signingPublic` signed this envelope. */
export function envelopeSigned(signed: SignedEnvelope, signingPublic: string): boolean {
  return verifySignature(signingPublic, signedBytes(signed.envelope), signed.signature);
}

/** Whether an envelope says what the file's signed manifest says. */
export function envelopeMatches(signed: SignedEnvelope, manifest: Manifest): boolean {
  const { envelope } = signed;
  return (
    envelopeSigned(signed, manifest.sender.signingPublic) &&
    envelope.sender === manifest.sender.fingerprint &&
    envelope.createdAt === manifest.createdAt &&
    envelope.exportId === manifest.exportId &&
    envelope.sequence === manifest.sequence &&
    (envelope.recipients === undefined ||
      JSON.stringify(envelope.recipients) === JSON.stringify(manifest.recipients))
  );
}
