/** Binary searches over arrays kept in text order: the core's way to find "the nearest X" without scanning. */
import type { Span } from '../types';

/** The first index in [0, length) where `isAtOrAfter` holds, or `length`; `isAtOrAfter` must be false, then true. */
export function firstIndexWhere(length: number, isAtOrAfter: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first span starting at or after `offset` (spans sorted by start). */
export function upperBound(spans: readonly { start: number }[], offset: number): number {
  // firstIndexWhere's search written out: this runs for every quote, claim and title, and a closure per call showed.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A match of `endingRe` (anchored with `$`) that ends exactly at `end`. */
export interface MatchBefore {
  /** Offset in the text where the match starts. */
  readonly start: number;
  readonly match: RegExpExecArray;
}

/**
 * Matches `endingRe` against the `window` characters before `end` only. Rules find their rare word first and
 * then look backwards for what must precede it ("was" before "cited as saying"); an anchored regex run over a
 * long text would try every position, so the window keeps that cheap.
 */
export function matchBefore(text: string, end: number, endingRe: RegExp, window: number): MatchBefore | undefined {
  const windowStart = Math.max(0, end - window);
  const match = endingRe.exec(text.slice(windowStart, end));
  return match ? { start: windowStart + match.index, match } : undefined;
}

/** The span containing `offset`, or an empty span there when none does. */
export function containing(spans: readonly Span[], offset: number): Span {
  const i = upperBound(spans, offset + 1) - 1;
  const span = spans[i];
  return span && span.start <= offset && offset <= span.end ? span : { start: offset, end: offset };
}
