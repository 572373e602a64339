import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

const PART_SUFFIX = /\.(\d{3})$/;

/** Part `index` (from 1) of a file cut in parts: `<base>.001`, `.002`, … */
export function partName(base: string, index: number): string {
  return `${base}.${String(index).padStart(3, '0')}`;
}

/**
 * The files of one export in order: `x.age` alone, or every `x.age.001`, `.002`, … from the
 * first, when the chosen file is any one of the parts (files over the split size are cut in
 * parts for FAT32 sticks).
 */
export async function exportParts(chosen: string): Promise<string[]> {
  const match = PART_SUFFIX.exec(chosen);
  if (!match) return [chosen];
  const base = chosen.slice(0, -4);
  const parts: string[] = [];
  for (let index = 1; index < 1000; index++) {
    const name = partName(base, index);
    try {
      if (!(await stat(name)).isFile()) break;
    } catch {
      break;
    }
    parts.push(name);
  }
  return parts;
}

export async function totalSize(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) total += (await stat(path)).size;
  return total;
}

/** The parts read back as one stream of bytes. */
export async function* readJoined(paths: readonly string[]): AsyncGenerator<Buffer> {
  for (const path of paths) {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      yield chunk as Buffer;
    }
  }
}
