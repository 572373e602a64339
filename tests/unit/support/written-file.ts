import { randomBytes } from 'node:crypto';
import { type AgeKey } from '../../../electron/exchange/age-reader';
import { createEncryptingWriter } from '../../../electron/exchange/encrypting-writer';
import { readBack } from '../../../electron/exchange/read-back';
import { type OfficeKeys } from '../../../electron/office/office-keys';
import { tempDir } from './temp-dir';

/**
 * 10 MB encrypted to `keys` in parts of 3 MB (in `folder`, else a fresh one), and its read-back
 * check to run, as the export runs it.
 */
export async function writtenFile(keys: OfficeKeys, folder?: string) {
  const tempBase = `${folder ?? (await tempDir())}/x`;
  const splitSize = 3_000_000;
  const writer = await createEncryptingWriter({
    target: { recipients: [keys.ageRecipient] },
    tempBase,
    splitSize,
  });
  await writer.write(randomBytes(10_000_000));
  const written = await writer.end();
  const { header, payloadKey } = writer;
  const check = (key: AgeKey, bypassCache?: boolean) =>
    readBack({ tempBase, splitSize, header, payloadKey, key, bypassCache }, written, () => {});
  return { written, headerLength: header.length, readBack: check };
}
