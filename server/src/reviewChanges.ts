/**
 * The changes the reviewer makes to annotations after recording them — an edit or removal from a comment
 * thread or the *Remove verdict* quick fix — and the re-anchored selectors written back when the article is
 * saved, each as an `AnnotationChange` for the server's one save path (the save queue and
 * `AnnotationStore.save`: locked, merged by id, atomic, never over a file that could not be read).
 * Pure apart from the clock: the server passes the article's annotations as it shows them.
 */
import type { AnnotationChange } from './annotationStore';
import { updateAnnotation, type Annotation, type AnnotationStatus } from './core/annotations/model';
import { reanchoredForSave } from './core/annotations/writeBack';

export { DELETE_ANNOTATION } from './features/codeActions';
export const UPDATE_ANNOTATION = 'cisLens.updateAnnotation';

export interface UpdateRequest {
  readonly uri: string;
  readonly id: string;
  readonly note?: string;
  readonly status?: AnnotationStatus;
  readonly source?: string;
}

export interface DeleteRequest {
  readonly uri: string;
  readonly id: string;
}

const GONE = 'this annotation is no longer in the annotations file (it may have been removed elsewhere).';

/** The annotation with a new note, status or source (`modified` set to now, so it wins a merge). */
export function updateChange(items: readonly Annotation[], request: UpdateRequest, now = new Date()): AnnotationChange | string {
  const annotation = items.find((a) => a.id === request.id);
  if (!annotation) return GONE;
  const changes = {
    ...(request.note !== undefined ? { note: request.note } : {}),
    ...(request.status !== undefined ? { status: request.status } : {}),
    ...(request.source !== undefined ? { source: request.source } : {}),
  };
  return { put: [updateAnnotation(annotation, changes, now)] };
}

export function removeChange(items: readonly Annotation[], request: DeleteRequest): AnnotationChange | string {
  return items.some((a) => a.id === request.id) ? { remove: [request.id] } : GONE;
}

/**
 * On save: the annotations whose selectors no longer describe the saved text, re-pointed at it (`exact` and
 * `modified` unchanged, so a newer edit made elsewhere still wins the merge); undefined when none moved.
 * Orphans are never in the change: they stay in the file as stored.
 */
export function writeBackChange(items: readonly Annotation[], savedText: string): AnnotationChange | undefined {
  const moved = reanchoredForSave(savedText, items);
  if (moved.changed === 0) return undefined;
  return { put: moved.annotations.filter((a, i) => a !== items[i]) };
}
