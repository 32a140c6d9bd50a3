/**
 * Which finding Next/Previous goes to. Pure (no vscode import) so it can be tested as a property.
 *
 * Places are compared in text order by (start, end). From the selection (start, end):
 * - next: the first place after the selection in that order, wrapping to the first place;
 * - previous: the last place before it, wrapping to the last place.
 * After a jump the selection is the whole place, so it compares equal to it and is never chosen again
 * (the old bug: the cursor sat at the end of the claim and "previous" found the same claim). With an empty
 * cursor, a place starting at the cursor counts as after it and a place containing the cursor as before it,
 * as the Problems navigation (F8) does. Several findings on one range are one place.
 */
export interface Place {
  readonly start: number;
  readonly end: number;
}

function compare(a: Place, b: Place): number {
  return a.start - b.start || a.end - b.end;
}

/** The distinct places in text order. */
export function placesInOrder(places: readonly Place[]): Place[] {
  const sorted = [...places].sort(compare);
  return sorted.filter((p, i) => i === 0 || compare(p, sorted[i - 1]!) !== 0);
}

/** The place to go to, or undefined when there is none. */
export function stepFrom(places: readonly Place[], selection: Place, direction: 1 | -1): Place | undefined {
  const ordered = placesInOrder(places);
  if (ordered.length === 0) return undefined;
  if (direction === 1) return ordered.find((p) => compare(p, selection) > 0) ?? ordered[0];
  for (let i = ordered.length - 1; i >= 0; i--) if (compare(ordered[i]!, selection) < 0) return ordered[i];
  return ordered[ordered.length - 1];
}
