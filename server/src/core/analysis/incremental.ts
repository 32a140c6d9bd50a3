/**
 * Incremental analysis of one document across its versions: the paragraph-local stages are re-run only on
 * the paragraphs an edit touched; everything that reads across paragraphs (linking shared names, one name one
 * kind, quotes spanning paragraphs, pronouns, attribution, the rules) is re-run over the kept results.
 *
 * The contract: `analyzeArticle(text, kb, config, state)` equals `analyzeArticle(text, kb, config)` for any
 * sequence of versions. `test/unit/analysis/incremental.property.test.ts` holds it to that on thousands of
 * random edit sequences over real articles. A stage that starts reading outside its paragraph fails that
 * test: give it the context it reads (as names get their paragraph's KB mentions) or take it out of the cache.
 *
 * What may be kept is worked out once per version (`Diff`): the old and new texts are compared from both
 * ends; a paragraph wholly inside their common beginning keeps its results as they are, one wholly inside
 * their common end gets them moved by the change in length, and the rest are re-run. "Wholly inside" is
 * strict, so the character on each side of a kept paragraph is unchanged too.
 */
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { EntityMention, Span } from '../types';
import { type Marks, scanMarks, scanMarksIn } from '../text/marks';
import { scanTriggers, TriggerScan } from '../text/triggers';

/** Where a new paragraph's results can come from: the old paragraph `index`, moved by `delta` code units. */
export interface Kept {
  readonly index: number;
  readonly delta: number;
}

/** One version against the last: for each paragraph, where its results can come from, or null to re-run it. */
export interface Diff {
  /** Counts the versions the state has seen; a cache updated at `version - 1` can keep results. */
  readonly version: number;
  readonly kept: readonly (Kept | null)[];
}

/**
 * One stage's per-paragraph results, kept between versions. The stage declares:
 * - `move`: its result for a paragraph that moved by `delta` (new objects: the old version's model still
 *   holds the old ones, and may still be in use);
 * - `context` (optional): what the stage reads besides the paragraph's text, as a value compared with
 *   `sameContext` (paragraph-relative). A kept paragraph whose context differs is re-run.
 */
export interface ParagraphStage<R, C = undefined> {
  move(result: R, delta: number): R;
  sameContext?(cached: C, now: C, delta: number): boolean;
}

export class ParagraphCache<R, C = undefined> {
  private results: R[] = [];
  private contexts: C[] = [];
  /** The version the results are of; a cache skipped for a version (a stage that threw) keeps nothing. */
  private version = -1;
  /** Paragraphs re-run in the last version (for tests and the benchmark). */
  rerun = 0;

  constructor(private readonly stage: ParagraphStage<R, C>) {}

  /** The results for every paragraph of the new version: kept where `diff` and the context allow, else `run(i)`. */
  update(diff: Diff, run: (i: number) => R, context?: (i: number) => C): R[] {
    const n = diff.kept.length;
    const results: R[] = new Array(n);
    const contexts: C[] = new Array(n);
    const usable = this.version === diff.version - 1;
    let rerun = 0;
    for (let i = 0; i < n; i++) {
      const kept = usable ? diff.kept[i] : null;
      const now = context ? context(i) : (undefined as C);
      contexts[i] = now;
      if (kept && (!this.stage.sameContext || this.stage.sameContext(this.contexts[kept.index], now, kept.delta))) {
        const old = this.results[kept.index];
        results[i] = kept.delta === 0 ? old : this.stage.move(old, kept.delta);
        // Kept in place, the last version's context is equal and already long-lived (see `paragraphDiff`).
        if (kept.delta === 0) contexts[i] = this.contexts[kept.index];
      } else {
        results[i] = run(i);
        rerun++;
      }
    }
    this.results = results;
    this.contexts = contexts;
    this.version = diff.version;
    this.rerun = rerun;
    return results;
  }
}

/** How a version differs from the last: the lengths of their common beginning and common end. */
export interface TextChange {
  readonly head: number;
  readonly tail: number;
  /** The new length minus the old. */
  readonly delta: number;
  /** The new length. */
  readonly length: number;
}

/**
 * Per-document state kept between versions: create one per open document and pass it to every analysis of
 * that document; drop it when the document closes. It holds the last version's text, marks and paragraphs,
 * and each cached stage's results per paragraph. A different knowledge base starts it over.
 *
 * An analysis calls `begin`, then `marks`, `triggers` and `paragraphDiff`. Each memo records the version
 * it is of, so an analysis that stopped half-way (a stage that threw) leaves nothing stale behind.
 */
export class IncrementalState {
  private text: string | undefined;
  private kb: KnowledgeBase | undefined;
  private change: TextChange | undefined;
  private version = 0;
  private lastMarks: { readonly version: number; readonly marks: Marks } | undefined;
  private lastTriggers: { readonly version: number; readonly scan: TriggerScan } | undefined;
  private lastParagraphs: { readonly version: number; readonly paragraphs: readonly Span[] } | undefined;
  private readonly caches = new Map<string, ParagraphCache<unknown, unknown>>();
  private readonly memos = new Map<string, { readonly version: number; readonly value: unknown }>();
  /** Paragraphs that could be kept in the last version (for tests and the benchmark). */
  kept = 0;
  /** Characters re-scanned for marks in the last version (for tests and the benchmark). */
  rescanned = 0;
  /** Quotes attributed again (not kept) in the last version (`attributionCache.ts`; for tests and the benchmark). */
  reattributed = 0;

  /** Starts the analysis of a new version of the document. */
  begin(text: string, kb: KnowledgeBase): void {
    const same = this.text !== undefined && this.kb === kb;
    this.change = same ? textChange(this.text!, text) : undefined;
    if (!same) {
      this.caches.clear();
      this.memos.clear();
      this.lastMarks = undefined;
      this.lastTriggers = undefined;
      this.lastParagraphs = undefined;
    }
    this.text = text;
    this.kb = kb;
    this.version++;
  }

  /** The marks of this version (`scanMarks`): the lines the edit touched re-scanned, the others kept or moved. */
  marks(text: string): Marks {
    const last = this.lastMarks;
    const lines = last && last.version === this.version - 1 ? this.changedLines(text) : undefined;
    let marks: Marks;
    if (!last || !lines) {
      marks = scanMarks(text);
      this.rescanned = text.length;
    } else {
      const { from, to, delta } = lines;
      const fresh = scanMarksIn(text, from, to);
      const spliced = (old: readonly number[], now: readonly number[]) => splice(old, from, to - delta, now, delta);
      marks = {
        quotes: spliced(last.marks.quotes, fresh.quotes),
        sentenceEnds: spliced(last.marks.sentenceEnds, fresh.sentenceEnds),
        nameStarts: spliced(last.marks.nameStarts, fresh.nameStarts),
        figureStarts: spliced(last.marks.figureStarts, fresh.figureStarts),
      };
      this.rescanned = to - from;
    }
    this.lastMarks = { version: this.version, marks };
    return marks;
  }

  /** The trigger-word scan of this version (`scanTriggers`): the lines the edit touched re-scanned, as for marks. */
  triggers(text: string): TriggerScan {
    const last = this.lastTriggers;
    const lines = last && last.version === this.version - 1 ? this.changedLines(text) : undefined;
    const scan = last && lines ? new TriggerScan(text, { scan: last.scan, ...lines }) : scanTriggers(text);
    this.lastTriggers = { version: this.version, scan };
    return scan;
  }

  /**
   * The lines from the one holding the first changed character to the one holding the last: text[from, to),
   * where `from` starts a line and `to` ends one; after `to` the text is the last version's after `to - delta`.
   */
  private changedLines(text: string): { from: number; to: number; delta: number } | undefined {
    const change = this.change;
    if (!change) return undefined;
    // (lastIndexOf with a negative start still looks at offset 0, so the first line is taken apart.)
    const from = change.head === 0 ? 0 : text.lastIndexOf('\n', change.head - 1) + 1;
    const lineEnd = text.indexOf('\n', text.length - change.tail);
    return { from, to: lineEnd < 0 ? text.length : lineEnd, delta: change.delta };
  }

  /**
   * Which paragraphs of this version can keep their results from the last. A paragraph kept in place (the
   * unchanged beginning) gets the last version's span object in `paragraphs`, equal to its own: what a model
   * keeps alive from one edit to the next is copied by the young-generation collector and then promoted, so an
   * object that already lives on costs less than its fresh copy (measured on the bench's 1 MB edits).
   */
  paragraphDiff(paragraphs: Span[]): Diff {
    const last = this.lastParagraphs;
    const change = this.change;
    const kept = last && change && last.version === this.version - 1 ? diffParagraphs(change, last.paragraphs, paragraphs) : paragraphs.map(() => null);
    this.kept = 0;
    for (let i = 0; i < kept.length; i++) {
      const k = kept[i];
      if (!k) continue;
      this.kept++;
      if (k.delta === 0) paragraphs[i] = last!.paragraphs[k.index];
    }
    this.lastParagraphs = { version: this.version, paragraphs };
    return { version: this.version, kept };
  }

  /** How this version's text differs from the last analysed one's; undefined when nothing can be kept. */
  get textChange(): TextChange | undefined {
    return this.change;
  }

  /** What the stage named `name` kept (`keep`) in the last version, if it did: a stage that threw keeps nothing. */
  previous<T>(name: string): T | undefined {
    const memo = this.memos.get(name);
    return memo && memo.version === this.version - 1 ? (memo.value as T) : undefined;
  }

  /** Keeps `value` for the stage named `name`, for the next version (`previous`). */
  keep(name: string, value: unknown): void {
    this.memos.set(name, { version: this.version, value });
  }

  /** Paragraphs the stage named `name` re-ran in the last version (for tests and the benchmark). */
  rerunIn(name: string): number | undefined {
    return this.caches.get(name)?.rerun;
  }

  /** The cache named `name` (one per stage), created on first use. */
  cache<R, C = undefined>(name: string, stage: ParagraphStage<R, C>): ParagraphCache<R, C> {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new ParagraphCache(stage) as ParagraphCache<unknown, unknown>));
    return cache as ParagraphCache<R, C>;
  }
}

/**
 * `old` (ascending offsets in the old text) with those in [from, oldTo] replaced by `fresh` and those after
 * moved by `delta`: the offsets before `from` are in the unchanged beginning, those after `oldTo` in the
 * unchanged end.
 */
function splice(old: readonly number[], from: number, oldTo: number, fresh: readonly number[], delta: number): number[] {
  const before = firstAtOrAfter(old, from);
  const after = firstAtOrAfter(old, oldTo + 1);
  const out: number[] = new Array(before + fresh.length + old.length - after);
  let k = 0;
  for (let i = 0; i < before; i++) out[k++] = old[i];
  for (let i = 0; i < fresh.length; i++) out[k++] = fresh[i];
  for (let i = after; i < old.length; i++) out[k++] = old[i] + delta;
  return out;
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How far the span [start, end] of the new text moved from the last version, if it lies strictly inside their
 * common beginning (0) or common end (the change in length); undefined when it touches the changed stretch.
 */
export function unchangedShift(change: TextChange, start: number, end: number): number | undefined {
  if (end < change.head) return 0;
  if (start > change.length - change.tail) return change.delta;
  return undefined;
}

function textChange(oldText: string, text: string): TextChange {
  const head = commonPrefix(oldText, text);
  return { head, tail: commonSuffix(oldText, text, head), delta: text.length - oldText.length, length: text.length };
}

/** For each new paragraph, the old paragraph with the same text and the same character on each side, if any. */
function diffParagraphs(change: TextChange, oldParagraphs: readonly Span[], paragraphs: readonly Span[]): (Kept | null)[] {
  const diff: (Kept | null)[] = new Array(paragraphs.length);
  let j = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    diff[i] = null;
    const shift = unchangedShift(change, p.start, p.end);
    if (shift === undefined) continue;
    const oldStart = p.start - shift;
    while (j < oldParagraphs.length && oldParagraphs[j].start < oldStart) j++;
    const q = oldParagraphs[j];
    if (q && q.start === oldStart && q.end === p.end - shift) diff[i] = { index: j, delta: shift };
  }
  return diff;
}

/**
 * Stretches compared at once by native string equality, longest first: the common beginning of two versions
 * of a 1 MB document is found with a few dozen comparisons of long stretches, then shorter ones inside the
 * first stretch that differs, then character by character (1 KB stretches all the way cost about 5% of an
 * incremental analysis).
 */
const STRETCHES = [65536, 4096, 256, 16];

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  for (const size of STRETCHES) while (n + size <= max && a.slice(n, n + size) === b.slice(n, n + size)) n += size;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** The length of the common end of `a` and `b`, not reaching into their common beginning of length `head`. */
function commonSuffix(a: string, b: string, head: number): number {
  const max = Math.min(a.length, b.length) - head;
  let n = 0;
  for (const size of STRETCHES) while (n + size <= max && a.slice(a.length - n - size, a.length - n) === b.slice(b.length - n - size, b.length - n)) n += size;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Whether two lists of mentions are the same but for a move by `delta` (every field compared). */
export function sameMentions(cached: readonly EntityMention[], now: readonly EntityMention[], delta: number): boolean {
  if (cached.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const a = cached[i];
    const b = now[i];
    if (a === b && delta === 0) continue; // a mention kept in place and not re-linked is the same object
    if (!sameMention(a, b, delta)) return false;
  }
  return true;
}

/** Whether two mentions are the same but for a move by `delta`, every field of a mention compared. */
export function sameMention(a: EntityMention, b: EntityMention, delta: number): boolean {
  return (
    a.start + delta === b.start && a.end + delta === b.end && a.text === b.text && a.kind === b.kind && a.id === b.id && a.name === b.name && a.via === b.via &&
    a.why === b.why && a.ref === b.ref && sameStrings(a.candidates, b.candidates)
  );
}

export function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
