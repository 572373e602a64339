import { tarEnd, tarHeader, tarPadding } from '../../../electron/exchange/tar-format';

/** A tar written by hand, entry names as given (a forger's or an older app's archive). */
export function tar(entries: [string, Buffer, number?][]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, body, claimed] of entries) {
    const header = tarHeader('placeholder', claimed ?? body.length, new Date());
    // Write the name by hand: tarHeader itself never writes an unsafe one.
    header.fill(0, 0, 100);
    header.write(name, 0, 'utf8');
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    parts.push(header, body, tarPadding(body.length));
  }
  const size = parts.reduce((n, p) => n + p.length, 0);
  return Buffer.concat([...parts, tarEnd(size)]);
}

export const marker = (version: number) =>
  Buffer.from(JSON.stringify({ format: 'resguardo-exchange', version }));
