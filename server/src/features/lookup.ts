/** Finds what is under the cursor: the innermost entity mention, quote or annotation at an offset. */
import type { AnchoredAnnotation } from '../core/annotations/anchoring';
import type { EntityMention, Quote } from '../core';
import type { ReviewedArticle } from '../core/review';

export function mentionAt(article: ReviewedArticle, offset: number): EntityMention | undefined {
  let best: EntityMention | undefined;
  for (const e of article.model.entities) {
    if (e.start <= offset && offset <= e.end && (!best || e.end - e.start < best.end - best.start)) best = e;
  }
  return best;
}

export function quoteAt(article: ReviewedArticle, offset: number): Quote | undefined {
  return article.model.quotes.find((q) => q.outer.start <= offset && offset <= q.outer.end);
}

export function annotationsAt(article: ReviewedArticle, offset: number): AnchoredAnnotation[] {
  return article.anchored.filter((a) => a.span.start <= offset && offset <= a.span.end);
}

/** Mentions of the same thing: same KB id, or the same name for entities the KB does not know. */
export function sameEntity(a: EntityMention, b: EntityMention): boolean {
  return a.id !== null ? a.id === b.id : b.id === null && a.name === b.name;
}
