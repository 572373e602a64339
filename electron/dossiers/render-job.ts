import { Worker } from 'node:worker_threads';
import { type DossierDocument, type FontFiles } from './dossier-document';

/** Where the worker's code and the fonts are (see dossier-runtime.ts for the defaults). */
export interface RenderRuntime {
  fonts: FontFiles;
  /** The worker module, and a CommonJS hook to require first (tsx's, to load it as TypeScript). */
  worker: { file: string; preload: string | null };
}

export interface RenderJob {
  document: DossierDocument;
  fonts: FontFiles;
  compress: boolean;
}

type FromWorker =
  { type: 'done'; pdf: Uint8Array; pages: number } | { type: 'error'; message: string };

/**
 * Evaluated rather than loaded from a path, so the same bootstrap serves the bundled worker file
 * and the TypeScript source (which needs tsx's hook registered first).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.preload) require(workerData.preload).register();
require(workerData.file);
`;

/** Render in a worker thread: layout and font subsetting take seconds on big dossiers. */
export function renderInWorker(
  document: DossierDocument,
  runtime: RenderRuntime,
  options: { compress?: boolean } = {},
): Promise<{ pdf: Buffer; pages: number }> {
  const job: RenderJob = { document, fonts: runtime.fonts, compress: options.compress ?? true };
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { ...job, file: runtime.worker.file, preload: runtime.worker.preload },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: { pdf: Buffer; pages: number }) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else if (value) resolve(value);
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'done') {
        const { buffer, byteOffset, byteLength } = message.pdf;
        finish(null, { pdf: Buffer.from(buffer, byteOffset, byteLength), pages: message.pages });
      } else finish(new Error(`render worker: ${message.message}`));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => finish(new Error(`render worker exited with ${code}`)));
  });
}
