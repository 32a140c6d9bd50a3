/**
 * Reads and writes `<article>.annotations.json` beside each article. The IO half of core/annotations.
 *
 * - A file that cannot be read or parsed is reported (message + offset) and never overwritten: until a later
 *   `load` of that article succeeds, `save` refuses with an error saying why.
 * - `save` is the single write path: it takes an inter-process lock on the file, re-reads it, merges its change
 *   (annotations to put and ids to delete, never a whole list) by annotation id, and writes atomically (a
 *   temporary file in the same folder, fsync, rename over the old file). Two editor windows and other tools
 *   that take the same lock never overwrite each other's annotations.
 * - Nothing CIS Lens does not understand is lost: unknown top-level and page fields, items it cannot use, and
 *   unknown fields inside annotations are written back.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  createAnnotationFile, parseAnnotationFile, serializeAnnotationFile, type Annotation, type AnnotationFile,
} from './core/annotations/model';
import { isEmptyChange, liveAnnotations, mergeChange, type AnnotationChange } from './core/annotations/merge';
import { LockTimeoutError, withFileLock, type LockOptions } from './fileLock';
import { danglingLink, readRegularFile } from './regularFile';

export type { AnnotationChange } from './core/annotations/merge';

export const ANNOTATION_SUFFIX = '.annotations.json';

export type LoadResult =
  | {
    readonly annotations: readonly Annotation[];
    /** False when there is no annotation file yet. */
    readonly exists: boolean;
    /** Items kept but not used, and similar. */
    readonly warnings: readonly string[];
  }
  | {
    readonly corrupt: true;
    /** "<file>:<line>:<column>: <problem>" */
    readonly error: string;
    /** Offset of the problem in the annotation file (UTF-16 code units), when known. */
    readonly offset?: number;
    readonly file: string;
  };

export type SaveResult =
  | { readonly ok: true; readonly file: string; /** The annotations in the file after the save. */ readonly annotations: readonly Annotation[] }
  /** `retry`: the failure may pass (the lock was busy, a write failed); false while the file is damaged. */
  | { readonly ok: false; readonly retry: boolean; readonly error: string };

export function isCorrupt(r: LoadResult): r is Extract<LoadResult, { corrupt: true }> {
  return 'corrupt' in r;
}

/** `<article>.annotations.json`, beside the article. */
export function annotationPathFor(articlePath: string): string {
  return articlePath + ANNOTATION_SUFFIX;
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

type ReadOutcome =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly file: AnnotationFile; readonly warnings: readonly string[] }
  | { readonly kind: 'corrupt'; readonly error: string; readonly offset?: number };

function readAnnotationFile(file: string): ReadOutcome {
  const read = readRegularFile(file);
  if (read.kind === 'error') {
    if (read.error.code === 'ENOENT' && !danglingLink(file)) return { kind: 'missing' };
    return { kind: 'corrupt', error: `${file}: cannot be read: ${danglingLink(file) ?? read.error.message}` };
  }
  // A FIFO or device is never read (it could block or never end), and so never written over either.
  if (read.kind === 'refused') return { kind: 'corrupt', error: `${file}: ${read.message}` };
  const raw = read.data.toString('utf8');
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const bom = text.length === raw.length ? 0 : 1;
  const parsed = parseAnnotationFile(text);
  if (!parsed.ok) {
    const { message, offset } = parsed.error;
    const where = offset === undefined ? file : `${file}:${lineColumn(text, offset)}`;
    return { kind: 'corrupt', error: `${where}: ${message}`, ...(offset === undefined ? {} : { offset: offset + bom }) };
  }
  return { kind: 'ok', file: parsed.file, warnings: parsed.warnings.map((w) => (w.offset === undefined ? `${file}: ${w.message}` : `${file}:${lineColumn(text, w.offset)}: ${w.message}`)) };
}

/** Writes `data` to `file` through a temporary file in the same folder: write, fsync, rename. */
export function writeFileAtomic(file: string, data: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', 0o666);
    fs.writeFileSync(fd, data, 'utf8');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try { fs.closeSync(fd); } catch { /* already failing */ }
    }
    try { fs.unlinkSync(tmp); } catch { /* never created */ }
    throw e;
  }
  // Make the rename itself durable where the platform allows fsync on a directory (not on Windows).
  try {
    const dfd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
  } catch { /* best effort */ }
}

export interface SaveOptions extends LockOptions {
  /** The time recorded on deletions (tests pass a fixed one). */
  readonly now?: Date;
}

export class AnnotationStore {
  /** Annotation files whose last load or save found them damaged, with the reason. */
  private readonly corrupt = new Map<string, string>();

  load(articlePath: string): LoadResult {
    const file = annotationPathFor(articlePath);
    const r = readAnnotationFile(file);
    if (r.kind === 'corrupt') {
      this.corrupt.set(file, r.error);
      return { corrupt: true, error: r.error, file, ...(r.offset === undefined ? {} : { offset: r.offset }) };
    }
    this.corrupt.delete(file);
    if (r.kind === 'missing') return { annotations: [], exists: false, warnings: [] };
    return { annotations: liveAnnotations(r.file), exists: true, warnings: r.warnings };
  }

  /**
   * The one way CIS Lens writes an annotation file. Takes the file's lock (`fileLock.ts`), reads the file as it
   * is now, merges `change` into it by annotation id (`core/annotations/merge.ts`), writes atomically, and
   * returns the annotations now in the file. Refuses, without touching the disk, when the file is damaged (or
   * was found damaged by `load` and not loaded successfully since). Never throws: a lock that cannot be had in
   * time or a failed write comes back as `{ ok: false, retry: true }`, and the caller keeps the change.
   */
  async save(articlePath: string, change: AnnotationChange, options: SaveOptions = {}): Promise<SaveResult> {
    const file = annotationPathFor(articlePath);
    const known = this.corrupt.get(file);
    if (known !== undefined) return { ok: false, retry: false, error: refusal(file, known) };
    try {
      return await withFileLock(file, () => this.mergeAndWrite(file, articlePath, change, options.now ?? new Date()), options);
    } catch (e) {
      if (e instanceof LockTimeoutError) {
        return { ok: false, retry: true, error: `${path.basename(file)} is being written by someone else (${e.holder}); CIS Lens waited and will try again.` };
      }
      return { ok: false, retry: true, error: `${file}: could not be written: ${(e as Error).message}` };
    }
  }

  /** Under the lock: read, merge, write. Throws only for a failed write. */
  private mergeAndWrite(file: string, articlePath: string, change: AnnotationChange, now: Date): SaveResult {
    const current = readAnnotationFile(file);
    if (current.kind === 'corrupt') {
      this.corrupt.set(file, current.error);
      return { ok: false, retry: false, error: refusal(file, current.error) };
    }
    if (current.kind === 'missing' && isEmptyChange(change)) return { ok: true, file, annotations: [] };
    const article = path.basename(articlePath);
    const put = (change.put ?? []).map((a) => (a.target.source ? a : { ...a, target: { ...a.target, source: article } }));
    const base = current.kind === 'ok' ? current.file : createAnnotationFile();
    const merged = mergeChange(base, { ...change, put }, now);
    writeFileAtomic(file, serializeAnnotationFile(merged));
    return { ok: true, file, annotations: merged.annotations };
  }
}

function refusal(file: string, reason: string): string {
  return `Annotations were not saved: ${path.basename(file)} is damaged and is left untouched so nothing in it is lost (${reason}). Fix or remove the file, then reload the article.`;
}
