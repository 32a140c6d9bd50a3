/** Helpers the exporters share. Pure. */
import type { Claim, Span } from '../../types';
import { VERDICT_STATUSES, type Annotation, type AnnotationStatus } from '../model';
import type { AnchoredAnnotation } from '../anchoring';
import { spansOverlap } from '../apply';
import { AnchoredIndex } from '../spanIndex';

/** Line starts (offsets) of `text`; a line ends at \n, \r\n or \r, as in LSP. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and 1-based column (UTF-16 code units, as VS Code counts) of `offset`. */
export function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export type ClaimStatus = AnnotationStatus | 'unreviewed';

export interface ClaimReview {
  readonly status: ClaimStatus;
  readonly annotation?: Annotation;
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * The reviewer's word on a claim: the verdict annotation overlapping it most (the most recently modified on a
 * tie); failing a verdict, a note; otherwise 'unreviewed'.
 */
export function reviewOf(claim: Span, anchored: readonly AnchoredAnnotation[] | AnchoredIndex): ClaimReview {
  const rank = (a: AnchoredAnnotation) => (VERDICT_STATUSES.includes(a.annotation.cisLens.status) ? 1 : a.annotation.cisLens.status === 'note' ? 0 : -1);
  // An exporter asks for every claim: with an index that is a look near the claim, not a pass over every annotation.
  const near = anchored instanceof AnchoredIndex ? anchored.overlapping(claim) : anchored;
  let best: AnchoredAnnotation | undefined;
  for (const a of near) {
    if (rank(a) < 0 || !spansOverlap(a.span, claim)) continue;
    if (!best) {
      best = a;
      continue;
    }
    const d = rank(a) - rank(best)
      || overlapLength(a.span, claim) - overlapLength(best.span, claim)
      || (a.annotation.modified ?? '').localeCompare(best.annotation.modified ?? '');
    if (d > 0) best = a;
  }
  return best ? { status: best.annotation.cisLens.status, annotation: best.annotation } : { status: 'unreviewed' };
}

export function claimCode(claim: Claim): string {
  return `claim.${claim.kind}`;
}

/** A deterministic `urn:uuid:` (RFC 9562 version 8, i.e. custom) derived from `key`. */
export function stableUuid(key: string): string {
  const words: string[] = [];
  for (let seed = 0; seed < 4; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h ^= h >>> 12;
    words.push((h >>> 0).toString(16).padStart(8, '0'));
  }
  const hex = words.join('').split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `urn:uuid:${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
