/**
 * Merging one writer's change into an annotation file as it is on disk now, so that writers who saved in
 * between (another editor window, another tool) lose nothing.
 *
 * A change is a list of operations, never a whole list: annotations to put (add or replace, by id) and ids to
 * delete. An annotation put over one with the same id replaces it unless the one in the file was modified
 * later. A deletion leaves a tombstone in the file (`cisLensDeleted`: id and time, on the collection), so a
 * writer that read the file before the deletion cannot bring the annotation back by saving an older copy;
 * an annotation modified after its deletion is a newer edit and stays. Tombstones older than
 * `TOMBSTONE_RETENTION_DAYS` are dropped on the next write, so a file does not grow with every deletion ever
 * made: only a copy held unsaved for longer than that could bring its annotation back.
 *
 * Pure: no IO.
 */
import type { Annotation, AnnotationFile } from './model';

/** The collection field that holds deletions. */
export const TOMBSTONE_KEY = 'cisLensDeleted';

/** How long a deletion is remembered (days). */
export const TOMBSTONE_RETENTION_DAYS = 30;

export interface Tombstone {
  readonly id: string;
  /** ISO time of the deletion. */
  readonly deleted: string;
}

export interface AnnotationChange {
  /** Added or replaced by id. */
  readonly put?: readonly Annotation[];
  /** Deleted by id. */
  readonly remove?: readonly string[];
}

export function isEmptyChange(change: AnnotationChange): boolean {
  return !change.put?.length && !change.remove?.length;
}

/** `later` applied after `earlier`, as one change (a later put or delete of an id wins). */
export function combineChanges(earlier: AnnotationChange, later: AnnotationChange): AnnotationChange {
  const laterIds = new Set([...(later.put ?? []).map((a) => a.id), ...(later.remove ?? [])]);
  return {
    put: [...(earlier.put ?? []).filter((a) => !laterIds.has(a.id)), ...(later.put ?? [])],
    remove: [...new Set([...(earlier.remove ?? []).filter((id) => !laterIds.has(id)), ...(later.remove ?? [])])],
  };
}

/** The tombstones recorded in a file (malformed entries are ignored, and dropped on the next write). */
export function tombstonesOf(file: AnnotationFile): Map<string, string> {
  const raw = file.extra[TOMBSTONE_KEY];
  const out = new Map<string, string>();
  if (!Array.isArray(raw)) return out;
  for (const t of raw) {
    if (typeof t === 'object' && t !== null && typeof t.id === 'string' && typeof t.deleted === 'string') out.set(t.id, t.deleted);
  }
  return out;
}

function time(iso: string | undefined): number {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/** True when `annotation` was last modified no later than its deletion. */
function buried(annotation: Annotation, tombstones: ReadonlyMap<string, string>): boolean {
  const deleted = tombstones.get(annotation.id);
  return deleted !== undefined && time(annotation.modified) <= time(deleted);
}

/** The annotations of a file without those a tombstone says were deleted after their last change. */
export function liveAnnotations(file: AnnotationFile): readonly Annotation[] {
  const tombstones = tombstonesOf(file);
  return tombstones.size === 0 ? file.annotations : file.annotations.filter((a) => !buried(a, tombstones));
}

/**
 * `file` with `change` merged in, at time `now`. Order is kept: replaced annotations stay where they were, new
 * ones go at the end. Runs in time linear in the file and the change.
 */
export function mergeChange(file: AnnotationFile, change: AnnotationChange, now: Date | string): AnnotationFile {
  const nowIso = typeof now === 'string' ? now : now.toISOString();
  const tombstones = tombstonesOf(file);
  for (const id of change.remove ?? []) tombstones.set(id, nowIso);
  const puts = new Map<string, Annotation>();
  for (const a of change.put ?? []) {
    if (buried(a, tombstones)) continue; // deleted after this copy was made
    puts.set(a.id, a);
    tombstones.delete(a.id); // a newer edit than the deletion
  }
  const annotations: Annotation[] = [];
  for (const existing of file.annotations) {
    if (buried(existing, tombstones)) continue;
    const mine = puts.get(existing.id);
    if (mine === undefined) annotations.push(existing);
    else {
      annotations.push(time(existing.modified) > time(mine.modified) ? existing : mine);
      puts.delete(existing.id);
    }
  }
  for (const a of puts.values()) annotations.push(a);
  // Forget old deletions only now, after they have kept their annotations out of this write.
  const oldest = Date.parse(nowIso) - TOMBSTONE_RETENTION_DAYS * 24 * 60 * 60 * 1000;
  for (const [id, deleted] of tombstones) if (time(deleted) < oldest) tombstones.delete(id);
  const extra: Record<string, unknown> = { ...file.extra };
  if (tombstones.size === 0) delete extra[TOMBSTONE_KEY];
  else extra[TOMBSTONE_KEY] = [...tombstones].map(([id, deleted]): Tombstone => ({ id, deleted }));
  return { ...file, annotations, extra };
}
