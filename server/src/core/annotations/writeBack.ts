/**
 * What goes back into the annotations file when the reviewer saves the article: every annotation re-pointed at
 * where it anchors now, so the stored TextPositionSelector (and the TextQuote prefix/suffix) describe the saved
 * text and the next reopen starts from the right place. Pure: no IO.
 *
 * - `exact` is never changed: it is what the reviewer marked (a fuzzy match keeps the old wording, so the
 *   verdict message can still say the text changed since the review).
 * - An orphan is kept exactly as stored: its old selectors are the only record of what it was about.
 * - An annotation whose selectors already describe the text is returned as the same object, and `changed`
 *   counts only the others, so a save that moved nothing writes nothing.
 * - `modified` is not touched: the reviewer's words did not change, only where they sit.
 */
import { reanchor, isOrphan } from './anchoring';
import { positionSelectorOf, quoteSelectorOf, retarget, type Annotation } from './model';

export interface WriteBack {
  /** The annotations in their original order, re-anchored where they moved. */
  readonly annotations: readonly Annotation[];
  /** How many annotations got new selectors. */
  readonly changed: number;
  /** How many could not be found (kept as stored). */
  readonly orphans: number;
}

export function reanchoredForSave(text: string, annotations: readonly Annotation[]): WriteBack {
  let changed = 0;
  let orphans = 0;
  const out = annotations.map((annotation) => {
    const r = reanchor(text, annotation);
    if (isOrphan(r)) {
      orphans++;
      return annotation;
    }
    const moved = retarget(text, annotation, r.span);
    if (sameSelectors(annotation, moved)) return annotation;
    changed++;
    return moved;
  });
  return { annotations: out, changed, orphans };
}

function sameSelectors(a: Annotation, b: Annotation): boolean {
  const pa = positionSelectorOf(a);
  const pb = positionSelectorOf(b);
  const qa = quoteSelectorOf(a);
  const qb = quoteSelectorOf(b);
  return !!pa && !!pb && !!qa && !!qb && pa.start === pb.start && pa.end === pb.end
    && qa.exact === qb.exact && (qa.prefix ?? '') === (qb.prefix ?? '') && (qa.suffix ?? '') === (qb.suffix ?? '');
}
