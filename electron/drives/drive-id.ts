import { createHash } from 'node:crypto';
import { type Mount } from './drive-types';

/** Stable for one drive at one place; reveals neither the path nor the device to the renderer. */
export function driveId(mount: Mount): string {
  return createHash('sha256')
    .update(`${mount.device}\0${mount.mountPoint}`)
    .digest('hex')
    .slice(0, 16);
}
