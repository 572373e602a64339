/** How a long step of an import reports bytes done of a total, and how it is stopped. */
export interface JobProgress {
  onProgress?: (done: number, total: number) => void;
  /** Records of an import compared (preview) or written (apply) so far, of all of them. */
  onRecords?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Tests only: the reading thread pauses this long after every 4 MiB, as a slow stick would. */
  readPauseMs?: number;
}
