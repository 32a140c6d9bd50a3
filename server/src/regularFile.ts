/**
 * Reading a file that must be a regular file: a FIFO would block the reader forever, a device such as
 * /dev/zero never ends, a socket cannot be read at all. The file is opened without blocking and checked on the
 * open descriptor (so a file swapped for a FIFO between a check and the read is still caught), and never more
 * than `maxBytes` are read, however the file grows meanwhile.
 */
import * as fs from 'node:fs';

export type RegularRead =
  | { readonly kind: 'ok'; readonly data: Buffer }
  /** Not a regular file (`what` says what it is), or larger than the limit. */
  | { readonly kind: 'refused'; readonly reason: 'not-regular' | 'too-large'; readonly message: string; readonly size?: number }
  | { readonly kind: 'error'; readonly error: NodeJS.ErrnoException };

/** "a FIFO (named pipe)", "a character device", … */
export function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

const CHUNK = 1 << 20;

export function readRegularFile(file: string, maxBytes = Number.POSITIVE_INFINITY): RegularRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { kind: 'error', error: e as NodeJS.ErrnoException };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'refused', reason: 'not-regular', message: `is ${kindOf(stat)}, not a regular file; only regular files are read` };
    if (stat.size > maxBytes) return { kind: 'refused', reason: 'too-large', message: `${stat.size} bytes`, size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, Math.min(maxBytes, Number.MAX_SAFE_INTEGER) - total + 1)));
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      chunks.push(read === buffer.length ? buffer : buffer.subarray(0, read));
      total += read;
      if (total > maxBytes) return { kind: 'refused', reason: 'too-large', message: `over ${maxBytes} bytes (it grew while being read)`, size: total };
    }
    return { kind: 'ok', data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    return { kind: 'error', error: e as NodeJS.ErrnoException };
  } finally {
    fs.closeSync(fd);
  }
}

/** For a path that could not be opened: "a symbolic link to "x", which does not exist", when that is the cause. */
export function danglingLink(file: string): string | undefined {
  try {
    if (!fs.lstatSync(file).isSymbolicLink()) return undefined;
    const target = fs.readlinkSync(file);
    return fs.existsSync(file) ? undefined : `is a symbolic link to "${target}", which does not exist`;
  } catch {
    return undefined;
  }
}
