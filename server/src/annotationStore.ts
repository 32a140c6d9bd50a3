/**
 * Reads and writes `<article>.annotations.json` beside each article. The IO half of core/annotations.
 *
 * - A file that cannot be read or parsed is reported (message + offset) and never overwritten: until a later
 *   `load` of that article succeeds, `save` refuses with an error saying why.
 * - `save` writes atomically: a temporary file in the same folder, fsync, rename over the old file.
 * - Nothing CIS Lens does not understand is lost: unknown top-level and page fields, items it cannot use, and
 *   unknown fields inside annotations are written back; annotations another tool added to the file after our
 *   `load` are kept too (only annotations that were loaded and are missing from `save`'s list count as deleted).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  createAnnotationFile, parseAnnotationFile, serializeAnnotationFile, type Annotation, type AnnotationFile,
} from './core/annotations/model';

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

export type SaveResult = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly error: string };

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
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', error: `${file}: cannot be read: ${(e as Error).message}` };
  }
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

interface Loaded {
  /** Ids of the annotations the last successful load or save saw. */
  readonly ids: ReadonlySet<string>;
}

export class AnnotationStore {
  /** Keyed by annotation file path. */
  private readonly loaded = new Map<string, Loaded>();
  /** Annotation files whose last load failed, with the reason. */
  private readonly corrupt = new Map<string, string>();

  load(articlePath: string): LoadResult {
    const file = annotationPathFor(articlePath);
    const r = readAnnotationFile(file);
    if (r.kind === 'corrupt') {
      this.corrupt.set(file, r.error);
      this.loaded.delete(file);
      return { corrupt: true, error: r.error, file, ...(r.offset === undefined ? {} : { offset: r.offset }) };
    }
    this.corrupt.delete(file);
    if (r.kind === 'missing') {
      this.loaded.set(file, { ids: new Set() });
      return { annotations: [], exists: false, warnings: [] };
    }
    this.loaded.set(file, { ids: new Set(r.file.annotations.map((a) => a.id)) });
    return { annotations: r.file.annotations, exists: true, warnings: r.warnings };
  }

  /**
   * Writes `annotations` (the article's full list) to the annotation file. Refuses, without touching the
   * disk, when the file was found corrupt by `load` or is corrupt now. Never throws.
   */
  save(articlePath: string, annotations: readonly Annotation[]): SaveResult {
    const file = annotationPathFor(articlePath);
    const known = this.corrupt.get(file);
    if (known !== undefined) return { ok: false, error: refusal(file, known) };
    const current = readAnnotationFile(file);
    if (current.kind === 'corrupt') {
      this.corrupt.set(file, current.error);
      return { ok: false, error: refusal(file, current.error) };
    }
    if (current.kind === 'missing' && annotations.length === 0) {
      this.loaded.set(file, { ids: new Set() });
      return { ok: true, file };
    }
    const base = current.kind === 'ok' ? current.file : createAnnotationFile();
    const seenBefore = this.loaded.get(file)?.ids ?? new Set<string>();
    const wanted = new Set(annotations.map((a) => a.id));
    const addedElsewhere = base.annotations.filter((a) => !wanted.has(a.id) && !seenBefore.has(a.id));
    const article = path.basename(articlePath);
    const items = [...annotations, ...addedElsewhere].map((a) => (a.target.source ? a : { ...a, target: { ...a.target, source: article } }));
    try {
      writeFileAtomic(file, serializeAnnotationFile({ ...base, annotations: items }));
    } catch (e) {
      return { ok: false, error: `${file}: could not be written: ${(e as Error).message}` };
    }
    this.loaded.set(file, { ids: new Set(items.map((a) => a.id)) });
    return { ok: true, file };
  }
}

function refusal(file: string, reason: string): string {
  return `Annotations were not saved: ${path.basename(file)} is damaged and is left untouched so nothing in it is lost (${reason}). Fix or remove the file, then reload the article.`;
}
