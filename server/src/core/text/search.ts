/** Binary searches over arrays kept in text order: the core's way to find "the nearest X" without scanning. */

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
  return firstIndexWhere(spans.length, (i) => spans[i].start >= offset);
}
