/** A mounted removable drive, as main knows it. The mount point never leaves main. */
export interface DetectedDrive {
  /** Opaque and stable while the drive stays mounted: what the renderer refers to it by. */
  id: string;
  label: string;
  mountPoint: string;
  /** Bytes, or null when the file system did not say. */
  size: number | null;
  free: number | null;
}

/** A mount found by a platform parser, before ids and sizes are added. */
export interface Mount {
  device: string;
  mountPoint: string;
}
