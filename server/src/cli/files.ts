/**
 * Finding the articles a command line names, and reading each one safely: binary and huge files are skipped, and
 * so are FIFOs, devices, sockets and dangling links met in a folder (named directly, they are errors).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANNOTATION_SUFFIX } from '../annotationStore';
import { danglingLink, kindOf, readRegularFile } from '../regularFile';

export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.article'];

export interface PathError {
  readonly path: string;
  readonly message: string;
}

export interface Collected {
  /** Article paths in command-line order; a folder's files sorted, as `path.join(folder, relative)`. */
  readonly files: readonly string[];
  readonly errors: readonly PathError[];
}

export function isArticleName(name: string): boolean {
  const lower = name.toLowerCase();
  return !lower.endsWith(ANNOTATION_SUFFIX) && ARTICLE_EXTENSIONS.includes(path.extname(lower));
}

/** Expands folders (recursively) into article files; a file named explicitly is taken whatever its extension. */
export function collectArticles(paths: readonly string[]): Collected {
  const files: string[] = [];
  const errors: PathError[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (e) {
      errors.push({ path: given, message: danglingLink(given) ?? describe(e) });
      continue;
    }
    if (stat.isDirectory()) walk(given, add, errors, new Set());
    else if (stat.isFile()) add(given);
    // Named directly, a FIFO, device or socket is an error (exit 2): reading it could block or never end.
    else errors.push({ path: given, message: `is ${kindOf(stat)}, not a regular file; only regular files are read` });
  }
  return { files, errors };
}

function walk(dir: string, add: (file: string) => void, errors: PathError[], visited: Set<string>): void {
  let real: string;
  let entries: fs.Dirent[];
  try {
    real = fs.realpathSync(dir);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push({ path: dir, message: describe(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = fs.statSync(full).isDirectory();
      } catch {
        // A dangling link: listed below when named like an article, and readArticle skips it saying so.
      }
    }
    if (isDir) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, add, errors, visited);
    } else if (isArticleName(entry.name)) {
      // A FIFO, device or socket with an article's name is listed too, and readArticle skips it with a message.
      add(full);
    }
  }
}

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'error'; readonly message: string };

const BINARY_PROBE = 8192;
/** A UTF-16 code unit takes at most 3 bytes of UTF-8, so a file this many times over the limit is over it. */
const MAX_BYTES_PER_CHAR = 3;

/** Reads an article as UTF-8 (a leading byte-order mark is dropped, as editors do). Never throws. */
export function readArticle(file: string, maxSize: number): ReadResult {
  const read = readRegularFile(file, maxSize * MAX_BYTES_PER_CHAR);
  if (read.kind === 'error') {
    const dangling = danglingLink(file);
    return dangling ? { kind: 'skipped', reason: dangling } : { kind: 'error', message: describe(read.error) };
  }
  if (read.kind === 'refused') {
    return read.reason === 'too-large'
      ? { kind: 'skipped', reason: `larger than --max-size (${read.message}, limit ${maxSize} characters)` }
      : { kind: 'skipped', reason: read.message };
  }
  const data = read.data;
  if (data.subarray(0, BINARY_PROBE).includes(0)) return { kind: 'skipped', reason: 'binary file (NUL bytes in the first 8 KB)' };
  let text = data.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > maxSize) return { kind: 'skipped', reason: `larger than --max-size (${text.length} characters, limit ${maxSize})` };
  return { kind: 'text', text };
}

/** A short reason for a failed file-system call ("no such file or directory"). */
export function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ENOTDIR': return 'a parent of this path is not a folder';
    default: return err?.message ?? String(e);
  }
}
