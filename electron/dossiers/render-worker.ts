import { parentPort, workerData } from 'node:worker_threads';
import { type RenderJob } from './render-job';
import { renderPdf } from './render-pdf';

/**
 * The render worker's entry: lays out the PDF off the main thread and hands the bytes back
 * (transferred, not copied). Bundled by electron-vite as `out/main/dossier-worker.js`; under
 * vitest/tsx it is loaded through tsx's require hook (see render-job.ts).
 */
const job: RenderJob = workerData;

renderPdf(job.document, job.fonts, { compress: job.compress })
  .then(({ pdf, pages }) => {
    // A fresh buffer of its own: a pooled Buffer's memory cannot be transferred.
    const bytes = new Uint8Array(pdf);
    parentPort?.postMessage({ type: 'done', pdf: bytes, pages }, [bytes.buffer]);
  })
  .catch((error: unknown) => {
    parentPort?.postMessage({ type: 'error', message: String(error) });
  });
