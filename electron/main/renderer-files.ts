import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Serving the built renderer (`out/renderer`) from a folder: shared by the `app://` protocol and
 * the browser test host, so both answer the same way. Electron-free on purpose.
 */

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return mimeTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a URL path (`/assets/index-abc.js`) to a file inside `root`, or `null` when the path
 * is malformed or would leave the folder (`..`, encoded separators, absolute paths, NUL bytes).
 * `/` maps to `index.html`.
 */
export function resolveRendererPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // An encoded backslash or NUL has no business in a URL of ours; refuse rather than interpret.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded.replace(/^\/+/, '') || 'index.html';
  if (isAbsolute(relativePath)) return null;
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const inside = relative(base, target);
  if (
    inside === '' ||
    inside.startsWith('..') ||
    isAbsolute(inside) ||
    inside.split(sep).includes('..')
  ) {
    return null;
  }
  return target;
}

export type RendererFile = { body: Buffer; mimeType: string } | null;

/** Read a renderer file; `null` when refused or missing (the caller answers 404). */
export async function readRendererFile(root: string, urlPath: string): Promise<RendererFile> {
  const target = resolveRendererPath(root, urlPath);
  if (target === null) return null;
  try {
    const info = await stat(target);
    if (!info.isFile()) return null;
    return { body: await readFile(target), mimeType: mimeTypeFor(target) };
  } catch {
    return null;
  }
}

/** Headers every renderer response carries, besides its type. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
