/**
 * Finding an annotation again after the article changed. Pure: no IO.
 *
 * Strategies, in order:
 * 1. position — the text at the TextPositionSelector still equals `exact`. When the stored context does not
 *    match there and another occurrence of `exact` has strictly better context, that occurrence wins (method
 *    'quote'): a short repeated name ("Russia") must not jump to a neighbour after an insertion before it.
 * 2. quote — every occurrence of `exact`, scored by how much of the stored prefix/suffix matches around it;
 *    ties go to the occurrence closest to the old position.
 * 3. fuzzy — an approximate match with similarity ≥ FUZZY_THRESHOLD, where
 *    similarity = 1 − editDistance(exact, found) / exact.length. Work is bounded: candidate places come from
 *    exact occurrences of pieces of `exact` (if at most k edits were made, one of k + 1 pieces survives intact),
 *    of the stored prefix tail and suffix head, and from the old position; only the best-voted places are
 *    verified, with a cut-off edit-distance scan, under a fixed budget of cells.
 * 4. orphan — reported, never dropped.
 */
import type { Span } from '../types';
import { positionSelectorOf, quoteSelectorOf, snapToCodePoint, type Annotation } from './model';

export { selectorsFor } from './model';

/** Minimum similarity for a fuzzy match. */
export const FUZZY_THRESHOLD = 0.8;
/** Quotes longer than this (UTF-16 code units) are only found exactly. */
export const MAX_FUZZY_LENGTH = 4000;
const MAX_PIECES = 16;
const MAX_HITS_PER_SEED = 1000;
const MAX_REGIONS = 12;
const CELL_BUDGET = 40_000_000;
const SEED_LENGTH = 16;

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  readonly span: Span;
  readonly method: AnchorMethod;
  /** 1 for position and quote matches; the fuzzy match's similarity otherwise. */
  readonly similarity: number;
}

export type AnchorResult = Anchor | { readonly orphan: true };

export interface AnchoredAnnotation extends Anchor {
  readonly annotation: Annotation;
}

export interface ReanchorResult {
  readonly anchored: readonly AnchoredAnnotation[];
  readonly orphans: readonly Annotation[];
}

/** What anchoring needs from an annotation's selectors. */
export interface QuoteTarget {
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
  /** The old TextPositionSelector, when there is one. */
  readonly position?: Span;
}

export function isOrphan(r: AnchorResult): r is { readonly orphan: true } {
  return 'orphan' in r;
}

/** Finds the annotation in the current text. */
export function reanchor(text: string, annotation: Annotation): AnchorResult {
  const quote = quoteSelectorOf(annotation);
  if (!quote || quote.exact === '') return { orphan: true };
  const pos = positionSelectorOf(annotation);
  return anchorQuote(text, { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, position: pos ? { start: pos.start, end: pos.end } : undefined });
}

/** Anchors every annotation; the order of `anchored` and of `orphans` follows the input. */
export function reanchorAll(text: string, annotations: readonly Annotation[]): ReanchorResult {
  const anchored: AnchoredAnnotation[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of annotations) {
    const r = reanchor(text, annotation);
    if (isOrphan(r)) orphans.push(annotation);
    else anchored.push({ annotation, ...r });
  }
  return { anchored, orphans };
}

export function anchorQuote(text: string, target: QuoteTarget): AnchorResult {
  const { exact } = target;
  const prefix = target.prefix ?? '';
  const suffix = target.suffix ?? '';
  const m = exact.length;
  if (m === 0) return { orphan: true };
  const old = target.position && Number.isInteger(target.position.start) ? target.position.start : undefined;
  const fullContext = prefix.length + suffix.length;

  let positionHit: number | undefined;
  if (old !== undefined && old >= 0 && old + m <= text.length && text.startsWith(exact, old)) {
    if (contextScore(text, old, old + m, prefix, suffix) === fullContext) return { span: { start: old, end: old + m }, method: 'position', similarity: 1 };
    positionHit = old;
  }

  const best = bestOccurrence(text, exact, prefix, suffix, old);
  if (best !== undefined) {
    if (positionHit !== undefined && (best.start === positionHit || best.score <= contextScore(text, positionHit, positionHit + m, prefix, suffix))) {
      return { span: { start: positionHit, end: positionHit + m }, method: 'position', similarity: 1 };
    }
    return { span: { start: best.start, end: best.start + m }, method: 'quote', similarity: 1 };
  }

  const pinned = pinnedFuzzyMatch(text, target, prefix, suffix);
  if (pinned) return pinned;
  const fuzzy = fuzzyFind(text, exact, prefix, suffix, old);
  if (fuzzy) return { span: { start: fuzzy.start, end: fuzzy.end }, method: 'fuzzy', similarity: 1 - fuzzy.distance / m };
  return { orphan: true };
}

/**
 * A save writes a fuzzy match's place back (position, prefix and suffix of the saved text) but keeps the
 * reviewer's `exact`. On reopening, that place is where the annotation was: accept it when its context matches
 * in full and its words are still a fuzzy match, instead of searching again, since a fresh search can prefer
 * a neighbouring span of equal distance and move the annotation by a character.
 */
function pinnedFuzzyMatch(text: string, target: QuoteTarget, prefix: string, suffix: string): AnchorResult | undefined {
  const pos = target.position;
  if (!pos || prefix.length + suffix.length === 0 || !Number.isInteger(pos.start) || !Number.isInteger(pos.end)) return undefined;
  if (pos.start < 0 || pos.end <= pos.start || pos.end > text.length) return undefined;
  // An edit since the save can leave the stored place half-way through an emoji; a span must not split one.
  if (snapToCodePoint(text, pos.start, -1) !== pos.start || snapToCodePoint(text, pos.end, 1) !== pos.end) return undefined;
  if (contextScore(text, pos.start, pos.end, prefix, suffix) !== prefix.length + suffix.length) return undefined;
  const score = similarity(target.exact, text.slice(pos.start, pos.end));
  return score >= FUZZY_THRESHOLD ? { span: { start: pos.start, end: pos.end }, method: 'fuzzy', similarity: score } : undefined;
}

// ---------------------------------------------------------------------------------------------- context

/** Characters of the stored prefix matching right before `start`, plus of the stored suffix right after `end`. */
export function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let score = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0; i++) {
    if (text.charCodeAt(start - i) !== prefix.charCodeAt(prefix.length - i)) break;
    score++;
  }
  for (let i = 0; i < suffix.length && end + i < text.length; i++) {
    if (text.charCodeAt(end + i) !== suffix.charCodeAt(i)) break;
    score++;
  }
  return score;
}

function bestOccurrence(text: string, exact: string, prefix: string, suffix: string, old: number | undefined): { start: number; score: number } | undefined {
  let best: { start: number; score: number } | undefined;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = contextScore(text, at, at + exact.length, prefix, suffix);
    if (!best || score > best.score || (score === best.score && old !== undefined && Math.abs(at - old) < Math.abs(best.start - old))) {
      best = { start: at, score };
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------- fuzzy

interface Vote {
  /** Where the match would start. */
  readonly at: number;
  /** Seed id: piece index, or -1 prefix, -2 suffix, -3 old position. */
  readonly seed: number;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly distance: number;
}

/** Up to `cap` start offsets of `needle` in `text`, or undefined when there are more (an unselective seed). */
function occurrences(text: string, needle: string, cap: number): number[] | undefined {
  const hits: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (hits.length === cap) return undefined;
    hits.push(at);
  }
  return hits;
}

function fuzzyFind(text: string, exact: string, prefix: string, suffix: string, old: number | undefined): Candidate | undefined {
  const m = exact.length;
  const k = Math.floor(m * (1 - FUZZY_THRESHOLD) + 1e-9);
  if (k < 1 || m > MAX_FUZZY_LENGTH || text.length === 0) return undefined;

  const votes: Vote[] = [];
  const pieces = Math.min(k + 1, MAX_PIECES);
  const pieceLength = Math.floor(m / pieces);
  if (pieceLength >= 2) {
    for (let p = 0; p < pieces; p++) {
      const from = p * pieceLength;
      const piece = exact.slice(from, p === pieces - 1 ? m : from + pieceLength);
      for (const at of occurrences(text, piece, MAX_HITS_PER_SEED) ?? []) votes.push({ at: at - from, seed: p });
    }
  }
  const tail = prefix.slice(-SEED_LENGTH);
  if (tail.trim().length >= 4) for (const at of occurrences(text, tail, MAX_HITS_PER_SEED) ?? []) votes.push({ at: at + tail.length, seed: -1 });
  const head = suffix.slice(0, SEED_LENGTH);
  if (head.trim().length >= 4) for (const at of occurrences(text, head, MAX_HITS_PER_SEED) ?? []) votes.push({ at: at - m, seed: -2 });
  if (old !== undefined) votes.push({ at: Math.max(0, Math.min(old, text.length - 1)), seed: -3 });
  if (votes.length === 0) return undefined;

  // Cluster the votes: one cluster per place, counting each seed once.
  votes.sort((a, b) => a.at - b.at);
  const clusters: { lo: number; hi: number; score: number }[] = [];
  let seeds = new Set<number>();
  for (const v of votes) {
    const last = clusters[clusters.length - 1];
    if (last && v.at - last.lo <= k) {
      last.hi = v.at;
      if (!seeds.has(v.seed)) {
        seeds.add(v.seed);
        last.score += v.seed === -1 || v.seed === -2 ? 2 : 1;
      }
    } else {
      seeds = new Set([v.seed]);
      clusters.push({ lo: v.at, hi: v.at, score: v.seed === -1 || v.seed === -2 ? 2 : 1 });
    }
  }
  const near = (at: number) => (old === undefined ? 0 : Math.abs(at - old));
  clusters.sort((a, b) => b.score - a.score || near(a.lo) - near(b.lo));

  let budget = CELL_BUDGET;
  let best: (Candidate & { context: number }) | undefined;
  for (const c of clusters.slice(0, MAX_REGIONS)) {
    const lo = Math.max(0, c.lo - k);
    const hi = Math.min(text.length, c.hi + m + k);
    if (hi <= lo) continue;
    budget -= (hi - lo) * m;
    if (budget < 0) break;
    for (const found of approximateMatches(text, lo, hi, exact, k)) {
      const start = snapToCodePoint(text, found.start, -1);
      const end = snapToCodePoint(text, found.end, 1);
      if (end <= start) continue;
      const distance = boundedEditDistance(exact, text.slice(start, end), k);
      if (distance > k) continue;
      const context = contextScore(text, start, end, prefix, suffix);
      if (!best || distance < best.distance || (distance === best.distance && (context > best.context || (context === best.context && near(start) < near(best.start))))) {
        best = { start, end, distance, context };
      }
    }
  }
  return best;
}

/**
 * Approximate occurrences of `pattern` in text[lo, hi) with at most `k` edits (Sellers' algorithm with
 * Ukkonen's cut-off, tracking where each alignment starts). Returns the alignments of minimal distance.
 */
function approximateMatches(text: string, lo: number, hi: number, pattern: string, k: number): Candidate[] {
  const m = pattern.length;
  const cost = new Int32Array(m + 1);
  const from = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    from[i] = lo;
  }
  let lastActive = Math.min(k, m);
  let computed = m; // rows of the previous column that hold real values
  let bestDistance = k + 1;
  let found: Candidate[] = [];
  for (let j = lo; j < hi; j++) {
    const t = text.charCodeAt(j);
    const limit = Math.min(m, lastActive + 1);
    let diagCost = cost[0]!;
    let diagFrom = from[0]!;
    cost[0] = 0;
    from[0] = j + 1;
    for (let i = 1; i <= limit; i++) {
      const leftCost = i <= computed ? cost[i]! : k + 1;
      const leftFrom = from[i]!;
      let c = diagCost + (pattern.charCodeAt(i - 1) === t ? 0 : 1);
      let f = diagFrom;
      if (cost[i - 1]! + 1 < c) {
        c = cost[i - 1]! + 1;
        f = from[i - 1]!;
      }
      if (leftCost + 1 < c) {
        c = leftCost + 1;
        f = leftFrom;
      }
      diagCost = leftCost;
      diagFrom = leftFrom;
      cost[i] = c;
      from[i] = f;
    }
    computed = limit;
    lastActive = limit;
    while (lastActive > 0 && cost[lastActive]! > k) lastActive--;
    if (limit === m && cost[m]! <= bestDistance) {
      const c = cost[m]!;
      if (c < bestDistance) {
        bestDistance = c;
        found = [];
      }
      if (from[m]! < j + 1) found.push({ start: from[m]!, end: j + 1, distance: c });
    }
  }
  return found;
}

/** Levenshtein distance of a and b when it is ≤ max; otherwise max + 1. Banded, O(max · length). */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = a.length;
  const big = max + 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= n; i++) {
    const jFrom = Math.max(1, i - max);
    const jTo = Math.min(b.length, i + max);
    cur.fill(big);
    cur[0] = i <= max ? i : big;
    let rowMin = cur[0]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = jFrom; j <= jTo; j++) {
      const v = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v > big ? big : v;
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return big;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, big);
}

/** Similarity of `found` to `exact`: 1 − editDistance / exact.length (0 when below the fuzzy threshold's reach). */
export function similarity(exact: string, found: string): number {
  if (exact.length === 0) return found.length === 0 ? 1 : 0;
  const max = Math.ceil(exact.length * (1 - FUZZY_THRESHOLD)) + 1;
  const d = boundedEditDistance(exact, found, max);
  return d > max ? 0 : 1 - d / exact.length;
}
