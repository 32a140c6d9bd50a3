/**
 * Speaker attribution kept between versions of a document, quote by quote: a quote whose whole reading window
 * is unchanged keeps its speaker from the last version (moved with the text); the others are attributed again,
 * and the passes that share speakers between quotes (`linkQuotes`) run over all of them each time.
 *
 * What `attributeQuote` reads for a quote lies in a bounded window around it: its sentence, up to
 * BEFORE_WINDOW characters and the previous paragraph before it, and, through pronouns (MAX_DISTANCE) and
 * descriptions ("the minister", up to 3,000 characters back to the person so described), people named further
 * back; after it, the rest of its sentence, the next sentence and the next paragraph. It reads the text there,
 * the speaker candidates, sentences, paragraphs and quotes, and where the next quote starts. So the window is
 * "clean" when none of those differs there from the last version, moved: the text change, and each item of those
 * lists that was added, removed, or changed (a name whose kind or id a document pass changed), mark the stretch
 * they cover as dirty; an item that spans the text change is never the same, so a long sentence read from
 * outside the window cannot hide an edit. READ_BACK is a generous margin over the furthest reach back.
 *
 * Measured on the benchmark's 1 MB article: attribution (with the pronouns it resolves) was about a quarter of
 * an incremental analysis; with this, a one-line edit re-attributes the few quotes within a few thousand
 * characters of it. `test/unit/analysis/incremental.property.test.ts` holds the result to a fresh analysis.
 */
import type { EntityMention, Quote, Span } from '../types';
import { upperBound } from '../text/search';
import { attributeQuote, linkQuotes, type AttributionContext, type SpeakerCandidate } from './attribution';
import { sameMention, sameStrings, unchangedShift, type IncrementalState, type TextChange } from './incremental';
import type { RawQuote } from './quoteMarks';

/** How far back of a quote's sentence, previous paragraph or BEFORE_WINDOW its attribution may read (pronouns 2,500; descriptions 3,000 + 80). */
const READ_BACK = 3500;
/** How far past the next paragraph, or the quote's end, its attribution may read (AFTER_WINDOW is 220). */
const READ_AHEAD = 600;

/** What the last version's attribution leaves for the next. */
interface Kept {
  readonly raw: readonly RawQuote[];
  readonly candidates: readonly SpeakerCandidate[];
  readonly sentences: readonly Span[];
  readonly paragraphs: readonly Span[];
  /** Each quote attributed on its own (`attributeQuote`), before speakers are shared. */
  readonly own: readonly Quote[];
}

const NAME = 'attribution';

/** `attributeQuotes`, keeping what it can from the last version when there is an incremental state. */
export function attributedQuotes(raw: readonly RawQuote[], ctx: AttributionContext, sentences: readonly Span[], state?: IncrementalState): Quote[] {
  const last = state?.previous<Kept>(NAME);
  const change = state?.textChange;
  const reuse = last && change ? keptQuotes(last, change, raw, ctx, sentences) : undefined;
  let attributed = 0;
  const own = raw.map((_, i) => reuse?.(i) ?? (attributed++, attributeQuote(raw, i, ctx)));
  if (state) {
    state.keep(NAME, { raw, candidates: ctx.candidates, sentences, paragraphs: ctx.paragraphs, own } satisfies Kept);
    state.reattributed = attributed;
  }
  return linkQuotes(raw, own, ctx);
}

/** Where the old text's offsets land in the new one: the unchanged beginning stays, the unchanged end moves. */
class OffsetMap {
  /** The old text's length. */
  readonly oldLength: number;
  /** The old text's unchanged end starts here. */
  readonly oldTailStart: number;
  /** The new text's unchanged end starts here. */
  readonly newTailStart: number;

  constructor(readonly change: TextChange) {
    this.oldLength = change.length - change.delta;
    this.oldTailStart = this.oldLength - change.tail;
    this.newTailStart = change.length - change.tail;
  }

  /** The move of old [start, end] if it lies strictly inside the unchanged beginning or end, else undefined. */
  deltaOf(start: number, end: number): number | undefined {
    if (end < this.change.head) return 0;
    if (start > this.oldTailStart) return this.change.delta;
    return undefined;
  }

  /** The move of new [start, end] from the old text, if it lies strictly inside the unchanged beginning or end. */
  deltaOfNew(start: number, end: number): number | undefined {
    return unchangedShift(this.change, start, end);
  }

  /** Old [start, end] in new offsets, widened to cover the change where it reaches into it. */
  cover(start: number, end: number): Span {
    const at = (o: number, inside: number) => (o < this.change.head ? o : o > this.oldTailStart ? o + this.change.delta : inside);
    return { start: at(start, this.change.head), end: at(end, this.newTailStart) };
  }
}

/**
 * For each new quote, its attribution from the last version if its window is clean, else undefined.
 * One pass over each list finds what differs; each quote then asks about its window by binary search.
 */
function keptQuotes(last: Kept, change: TextChange, raw: readonly RawQuote[], ctx: AttributionContext, sentences: readonly Span[]): (i: number) => Quote | undefined {
  const map = new OffsetMap(change);
  const dirty = new DirtyStretches();
  // The edited text itself, and a character either side.
  dirty.add(Math.max(0, change.head - 1), map.newTailStart + 1);
  compareLists(map, dirty, last.candidates, ctx.candidates, sameCandidate);
  compareLists(map, dirty, last.sentences, sentences, sameSpan);
  compareLists(map, dirty, last.paragraphs, ctx.paragraphs, sameSpan);
  compareLists(map, dirty, last.raw, raw, sameRawQuote);
  dirty.seal();
  const oldIndex = new Map<number, number>(); // moved outer start → index in the last version
  last.raw.forEach((q, j) => {
    const delta = map.deltaOf(q.outer.start, q.outer.end);
    if (delta !== undefined) oldIndex.set(q.outer.start + delta, j);
  });
  const { text, paragraphs } = ctx;
  return (i) => {
    const q = raw[i];
    const j = oldIndex.get(q.outer.start);
    if (j === undefined) return undefined;
    const window = readWindow(q, ctx, paragraphs, sentences);
    if (dirty.touches(window.start, window.end)) return undefined;
    const delta = map.deltaOfNew(window.start, window.end);
    if (delta === undefined) return undefined;
    // Where the next quote starts caps the search after this one (AFTER_WINDOW): it matters only inside the window.
    const nextNow = raw[i + 1]?.outer.start ?? text.length;
    const nextThen = (last.raw[j + 1]?.outer.start ?? map.oldLength) + delta;
    if (nextThen !== nextNow && Math.min(nextNow, nextThen) <= window.end) return undefined;
    return moveQuote(last.own[j], delta, text, q.outer);
  };
}

/** The stretch of text `attributeQuote` may read for quote `q` (see the module comment), whole sentences at each end. */
function readWindow(q: RawQuote, ctx: AttributionContext, paragraphs: readonly Span[], sentences: readonly Span[]): Span {
  const previous = paragraphs[q.paragraphIndex - 1] ?? paragraphs[q.paragraphIndex];
  const sentence = ctx.sentenceOf(q.outer.start);
  let start = Math.max(0, Math.min(q.outer.start, sentence.start, previous?.start ?? q.outer.start) - READ_BACK);
  start = Math.min(start, spanAt(sentences, start)?.start ?? start, spanAt(paragraphs, start)?.start ?? start);
  const lastParagraph = upperBound(paragraphs, q.outer.end) - 1;
  const next = paragraphs[lastParagraph + 1] ?? paragraphs[lastParagraph];
  let end = Math.max(q.outer.end, ctx.sentenceOf(q.outer.end).end, next?.end ?? q.outer.end) + READ_AHEAD;
  end = Math.max(end, spanAt(sentences, end)?.end ?? end, spanAt(paragraphs, end)?.end ?? end);
  return { start, end: Math.min(end, ctx.text.length) };
}

/** The span of `spans` (sorted, not overlapping) containing `offset`, if any. */
function spanAt(spans: readonly Span[], offset: number): Span | undefined {
  const span = spans[upperBound(spans, offset + 1) - 1]; // the last starting at or before `offset`
  return span && span.end >= offset ? span : undefined;
}

/**
 * Marks as dirty what differs between the old list (moved) and the new one: every new item with no equal old
 * item at its moved place, and every old item with no equal new one. Both lists are sorted by start.
 */
function compareLists<T extends Span>(map: OffsetMap, dirty: DirtyStretches, old: readonly T[], now: readonly T[], same: (a: T, b: T, delta: number) => boolean): void {
  const matched = new Uint8Array(old.length);
  // The unchanged beginning often holds the very objects of the last version (what the paragraph caches kept in
  // place): those match without a look at their fields (measured on the bench's 1 MB edits: `keptQuotes` 0.70 of before).
  let first = 0;
  const head = map.change.head;
  while (first < now.length && first < old.length && now[first] === old[first] && now[first].end < head) matched[first++] = 1;
  let j = first;
  for (let i = first; i < now.length; i++) {
    const item = now[i];
    const delta = map.deltaOfNew(item.start, item.end);
    if (delta !== undefined) {
      const oldStart = item.start - delta;
      while (j < old.length && old[j].start < oldStart) j++;
      // Several items may start at one offset (a name and a longer one around it): look at each.
      let k = j;
      for (; k < old.length && old[k].start === oldStart; k++) if (!matched[k] && ((delta === 0 && old[k] === item) || same(old[k], item, delta))) break;
      if (k < old.length && old[k].start === oldStart) {
        matched[k] = 1;
        continue;
      }
    }
    dirty.add(item.start, item.end);
  }
  for (let k = 0; k < old.length; k++) {
    if (matched[k]) continue;
    const moved = map.cover(old[k].start, old[k].end);
    dirty.add(moved.start, moved.end);
  }
}

function sameSpan(a: Span, b: Span, delta: number): boolean {
  return a.start + delta === b.start && a.end + delta === b.end;
}

function sameRawQuote(a: RawQuote, b: RawQuote, delta: number): boolean {
  return sameSpan(a, b, delta) && sameSpan(a.outer, b.outer, delta) && a.unclosed === b.unclosed && a.opensParagraph === b.opensParagraph;
}

/**
 * A candidate compared field by field. A pronoun's referent is worked out only when asked (`pronouns.ts`), from
 * the people and text before it, which are compared in its own right: so only where it stands is compared here.
 */
function sameCandidate(a: SpeakerCandidate, b: SpeakerCandidate, delta: number): boolean {
  if (a.via === 'pronoun' || b.via === 'pronoun') return a.via === b.via && sameSpan(a, b, delta) && a.text === b.text;
  return sameMention(a, b, delta) && sameStrings(a.alternatives, b.alternatives) && sameReferent(a.referent, b.referent, delta);
}

function sameReferent(a: EntityMention | undefined, b: EntityMention | undefined, delta: number): boolean {
  if (!a || !b) return a === b;
  return sameMention(a, b, delta);
}

/**
 * A quote's own attribution moved by `delta` with its text (new objects: the last version's model may still be in
 * use). `outer`: this version's raw quote's outer span, which is the old one moved (a quote's `outer` is its raw quote's).
 */
function moveQuote(q: Quote, delta: number, text: string, outer: Span): Quote {
  const move = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  return {
    start: q.start + delta,
    end: q.end + delta,
    text: text.slice(q.start + delta, q.end + delta), // from this version's text, so no old version is kept alive
    outer,
    kind: q.kind,
    speaker: q.speaker && { ...q.speaker, start: q.speaker.start + delta, end: q.speaker.end + delta },
    cue: q.cue,
    cueSpan: q.cueSpan && move(q.cueSpan),
    unclosed: q.unclosed,
  };
}

/** Stretches of the new text where something differs from the last version; asked whether any touches a window. */
class DirtyStretches {
  private stretches: Span[] = [];
  /** After `seal`: the furthest end among the first i + 1 stretches (sorted by start). */
  private reach: number[] = [];

  add(start: number, end: number): void {
    this.stretches.push({ start, end });
  }

  seal(): void {
    this.stretches.sort((a, b) => a.start - b.start);
    let reach = -1;
    this.reach = this.stretches.map((s) => (reach = Math.max(reach, s.end)));
  }

  /** Whether any dirty stretch meets [start, end]. */
  touches(start: number, end: number): boolean {
    const i = upperBound(this.stretches, end + 1) - 1; // the last stretch starting at or before `end`
    return i >= 0 && this.reach[i] >= start;
  }
}
