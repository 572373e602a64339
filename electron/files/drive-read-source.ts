/**
 * JavaScript for worker sources (strings, see encrypt-worker-source.ts for why):
 * `driveReader(span, bypassCache)`, whose `read(path, into, at, length, position)` fills
 * `into[at, at + length)` from the file at `position` and returns how many bytes it read (fewer
 * at the file's end). Each call opens and closes the file: a thread stopped at any moment holds
 * no file, which could then not be removed (Windows) nor its descriptor ever closed.
 *
 * Reading the drive itself, not the kernel's copy of what was just written: with O_DIRECT
 * (Linux) every read goes to the device, so a stick that lost or garbled what it acknowledged is
 * caught by the reader's check. O_DIRECT reads whole blocks (file offset and length in ALIGN
 * steps) into memory at an aligned address; JavaScript cannot see an address, so the first read
 * tries each offset of a scratch buffer (room for `span` bytes and the alignment) until the
 * kernel takes one. Where O_DIRECT is refused (another system, a file system without it), or
 * with `bypassCache` false, it reads through the cache.
 */
export const DRIVE_READ_JS = String.raw`
function driveReader(span, bypassCache) {
  const fs = require('node:fs');
  const ALIGN = 4096;
  const SCRATCH = Math.ceil(span / ALIGN) * ALIGN + 2 * ALIGN;
  let direct; // undefined: not tried yet; null: not available; else the aligned scratch buffer

  function fromDrive(path) {
    if (direct !== undefined) return direct !== null;
    direct = null;
    if (!bypassCache || fs.constants.O_DIRECT === undefined) return false;
    let fd;
    try {
      fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_DIRECT);
    } catch (error) {
      if (error && error.code === 'EINVAL') return false;
      throw error;
    }
    try {
      const raw = Buffer.allocUnsafeSlow(SCRATCH + ALIGN);
      for (let shift = 0; shift < ALIGN; shift += 8) {
        try {
          fs.readSync(fd, raw, shift, ALIGN, 0);
          direct = raw.subarray(shift, shift + SCRATCH);
          break;
        } catch (error) {
          if (!error || error.code !== 'EINVAL') throw error;
        }
      }
    } finally {
      fs.closeSync(fd);
    }
    return direct !== null;
  }

  function readDirect(fd, into, at, length, position) {
    let done = 0;
    while (done < length) {
      const from = position + done;
      const start = from - (from % ALIGN);
      const skip = from - start;
      const want = Math.min(SCRATCH, Math.ceil((skip + length - done) / ALIGN) * ALIGN);
      const n = fs.readSync(fd, direct, 0, want, start);
      if (n <= skip) break;
      const take = Math.min(n - skip, length - done);
      direct.copy(into, at + done, skip, skip + take);
      done += take;
    }
    return done;
  }

  function readCached(fd, into, at, length, position) {
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, into, at + done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }

  return {
    read(path, into, at, length, position) {
      const drive = fromDrive(path);
      const fd = fs.openSync(path, drive ? fs.constants.O_RDONLY | fs.constants.O_DIRECT : 'r');
      try {
        return (drive ? readDirect : readCached)(fd, into, at, length, position);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}
`;
