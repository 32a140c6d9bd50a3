/**
 * The analysis stages that run paragraph by paragraph, each followed by its document pass. Without an
 * incremental state every paragraph is run; with one (`incremental.ts`), a paragraph an edit did not touch
 * keeps its results from the last version. Both go through the same per-paragraph functions, so the only
 * difference can be what a stage reads that its cache does not declare, and the property test finds that.
 *
 * Each stage declares here what it keeps per paragraph, how that moves with its paragraph, and what besides
 * the paragraph's text makes it stale.
 */
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { EntityMention, Paragraph, Span } from '../types';
import { type Marks } from '../text/marks';
import { appendSentences, PunctuationCursor } from '../text/segments';
import type { RawQuote } from './quoteMarks';
import { linkMentions, matchParagraph, type ParagraphMatches } from './entities';
import { type Diff, type IncrementalState, type ParagraphStage, sameMentions } from './incremental';
import { readParagraphNames, resolveNames, type NameInput, type ParagraphNames } from './names';

/** A version being analysed with an incremental state: the state, and what this version may keep. */
export interface IncrementalVersion {
  readonly state: IncrementalState;
  readonly diff: Diff;
}

/**
 * KB names matched in a paragraph: they depend on its text and the knowledge base only (the state starts
 * over when the KB changes). A moved paragraph's mentions move; which of them wait for linking does not change.
 * A matched mention has exactly these seven fields (`matchParagraph`), so it is rebuilt field by field: an
 * object spread cost about as much as matching again. (A field added to matched mentions and not here fails
 * the property test.)
 */
const ENTITY_MATCHES: ParagraphStage<ParagraphMatches> = {
  move: (r, delta) => ({
    mentions: r.mentions.map((m): EntityMention => ({ start: m.start + delta, end: m.end + delta, text: m.text, kind: m.kind, id: m.id, name: m.name, via: m.via })),
    waiting: r.waiting,
  }),
};

/**
 * Names the run reader found in a paragraph: they depend on its text, the KB and gazetteer, and its KB
 * mentions after linking, which an edit elsewhere can change ("Aliyev" links to whoever was named in full
 * earlier): so those mentions are the context, compared field by field.
 */
const PARAGRAPH_NAMES: ParagraphStage<ParagraphNames, readonly EntityMention[]> = {
  move: (r, delta) => ({ candidates: r.candidates.map((c) => ({ ...c, start: c.start + delta, end: c.end + delta })), absorbed: r.absorbed }),
  sameContext: sameMentions,
};

/**
 * What a paragraph's sentences depend on besides its text: the quotations that open in it, which are never split
 * (`NO_SPANS` when none, most paragraphs), or null when one runs past the paragraph's end: it then reads text
 * outside, so the paragraph is never kept.
 */
type Masked = readonly Span[] | null;

/**
 * A paragraph's sentences: they depend on its text and the quotations that open in it (quote marks pair across
 * the document, so an edit elsewhere can change them). Kept only when those are the same and all end inside
 * the paragraph (the splitter reads the characters around a quotation's end).
 */
const SENTENCES: ParagraphStage<readonly Span[], Masked> = {
  move: (sentences, delta) => sentences.map((s) => ({ start: s.start + delta, end: s.end + delta })),
  sameContext: (cached, now, delta) => {
    if (cached === null || now === null || cached.length !== now.length) return false;
    for (let i = 0; i < now.length; i++) {
      const a = cached[i];
      const b = now[i];
      if (a.start + delta !== b.start || a.end + delta !== b.end) return false;
    }
    return true;
  },
};

const NO_SPANS: readonly Span[] = [];
const PARAGRAPHS = 'paragraphs';

/**
 * Paragraphs with their sentences, and all sentences in text order; quotations are never split. With an
 * incremental state, a paragraph kept in place with its sentences is the last version's object (see `paragraphDiff`).
 */
export function paragraphSentences(text: string, paragraphs: readonly Span[], rawQuotes: readonly RawQuote[], marks: Marks, version?: IncrementalVersion): { paragraphs: Paragraph[]; sentences: Span[] } {
  const quoted: (readonly Span[])[] = new Array(paragraphs.length);
  let q = 0; // quotes come in text order, hence in paragraph order
  for (let i = 0; i < paragraphs.length; i++) {
    while (q < rawQuotes.length && rawQuotes[q].paragraphIndex < i) q++;
    const first = q;
    while (q < rawQuotes.length && rawQuotes[q].paragraphIndex === i) q++;
    if (q === first) quoted[i] = NO_SPANS;
    else {
      const spans: Span[] = new Array(q - first); // exact size: a list grown by push reserves room for sixteen
      for (let k = first; k < q; k++) spans[k - first] = rawQuotes[k].outer;
      quoted[i] = spans;
    }
  }
  const masked = (i: number): Masked => {
    for (const s of quoted[i]) if (s.end > paragraphs[i].end) return null;
    return quoted[i];
  };
  // Paragraphs are asked in order, so the cursor only steps forward (over kept paragraphs too).
  const punctuation = new PunctuationCursor(text, marks.sentenceEnds);
  const run = (i: number): readonly Span[] => appendSentences(text, paragraphs[i], quoted[i], [], punctuation);
  const found = version ? version.state.cache('sentences', SENTENCES).update(version.diff, run, masked) : paragraphs.map((_, i) => run(i));
  const last = version?.state.previous<readonly Paragraph[]>(PARAGRAPHS);
  const result: Paragraph[] = new Array(paragraphs.length);
  let count = 0;
  for (const list of found) count += list.length;
  const sentences: Span[] = new Array(count);
  let k = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    for (const s of found[i]) sentences[k++] = s;
    const kept = last && version!.diff.kept[i];
    const old = kept && kept.delta === 0 ? last[kept.index] : undefined;
    result[i] = old && old.sentences === found[i] && old.start === p.start && old.end === p.end ? old : { start: p.start, end: p.end, sentences: found[i] };
  }
  version?.state.keep(PARAGRAPHS, result);
  return { paragraphs: result, sentences };
}

/** Knowledge-base mentions: each paragraph matched (or kept), then linked across the document. */
export function knownMentions(text: string, paragraphs: readonly Span[], kb: KnowledgeBase, nameStarts: readonly number[], date: string | null, version?: IncrementalVersion): EntityMention[] {
  const firsts = firstStartIn(paragraphs, nameStarts);
  const run = (i: number) => matchParagraph(text, paragraphs[i], kb, nameStarts, firsts[i]);
  const matched = version ? version.state.cache('entities', ENTITY_MATCHES).update(version.diff, run) : paragraphs.map((_, i) => run(i));
  return linkMentions(text, matched, kb, date);
}

/** Every name, known and new: the run reader over each paragraph (or its kept result), then the document pass. */
export function namedMentions(input: NameInput, version?: IncrementalVersion): EntityMention[] {
  const { paragraphs, known, nameStarts } = input;
  const firsts = firstStartIn(paragraphs, nameStarts);
  const knownIn = knownByParagraph(paragraphs, known);
  const run = (i: number) => readParagraphNames(input, paragraphs[i], knownIn[i], firsts[i]);
  const found = version ? version.state.cache('names', PARAGRAPH_NAMES).update(version.diff, run, (i) => knownIn[i]) : paragraphs.map((_, i) => run(i));
  return resolveNames(input, found);
}

/** For each paragraph, the index of the first of `starts` (ascending) at or after its start. */
function firstStartIn(paragraphs: readonly Span[], starts: readonly number[]): number[] {
  const firsts: number[] = new Array(paragraphs.length);
  let s = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    while (s < starts.length && starts[s] < paragraphs[i].start) s++;
    firsts[i] = s;
  }
  return firsts;
}

const NO_MENTIONS: readonly EntityMention[] = [];

/** The mentions (sorted by start) that start in each paragraph. */
function knownByParagraph(paragraphs: readonly Span[], known: readonly EntityMention[]): (readonly EntityMention[])[] {
  const out: (readonly EntityMention[])[] = new Array(paragraphs.length);
  let k = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    while (k < known.length && known[k].start < p.start) k++;
    const first = k;
    while (k < known.length && known[k].start < p.end) k++;
    out[i] = k > first ? known.slice(first, k) : NO_MENTIONS;
  }
  return out;
}
