/** How a long step of an import reports bytes done of a total, and how it is stopped. */
export interface JobProgress {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}
