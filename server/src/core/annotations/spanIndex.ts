/**
 * Anchored annotations indexed by position, so "which annotations overlap this finding?" costs a binary search
 * and a look at the annotations near it, not a pass over all of them: applying and exporting 50,000 annotations
 * used to take minutes because every finding and claim walked the whole list. Pure.
 */
import type { Span } from '../types';
import type { AnchoredAnnotation } from './anchoring';
import { spansOverlap } from './apply';

export class AnchoredIndex {
  /** Sorted by span start. */
  private readonly sorted: readonly AnchoredAnnotation[];
  private readonly starts: readonly number[];
  /** maxEnd[i]: the largest span end among sorted[0..i], so a backward walk knows when nothing earlier can reach. */
  private readonly maxEnd: readonly number[];

  constructor(anchored: readonly AnchoredAnnotation[]) {
    this.sorted = [...anchored].sort((a, b) => a.span.start - b.span.start);
    this.starts = this.sorted.map((a) => a.span.start);
    const maxEnd: number[] = new Array(this.sorted.length);
    let max = -1;
    for (let i = 0; i < this.sorted.length; i++) {
      max = Math.max(max, this.sorted[i]!.span.end);
      maxEnd[i] = max;
    }
    this.maxEnd = maxEnd;
  }

  /** Every anchored annotation overlapping `span` (as `spansOverlap` says), by start. */
  overlapping(span: Span): AnchoredAnnotation[] {
    const out: AnchoredAnnotation[] = [];
    // Annotations starting after the span's end cannot overlap it (an empty span at `end` still can: <=).
    for (let i = this.countStartingBy(span.end) - 1; i >= 0 && this.maxEnd[i]! >= span.start; i--) {
      const a = this.sorted[i]!;
      if (spansOverlap(a.span, span)) out.push(a);
    }
    return out.reverse();
  }

  /** How many annotations start at or before `offset`. */
  private countStartingBy(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
