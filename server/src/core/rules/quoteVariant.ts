/**
 * The same statement quoted twice with different wording. Compares the sentences of quotes by
 * their content words; near-identical but not identical sentences are variants.
 */
import { isWhitespace, isWordCodeAt } from '../text/chars';
import { hashStep, WordTable } from '../text/wordTable';
import type { Quote, Span } from '../types';
import type { Rule, RuleFinding } from './types';

const STOP = new Set('the a an and or of to in on for with by at from as is are was were be been it its this that these those our their we you they he she i not but also which who will would can could has have had there here all any so than then such'.split(' '));
const THRESHOLD = 0.5;
/** Variants are looked for among this many earlier quote sentences, keeping long documents linear. */
const WINDOW = 60;

interface QuoteSentence extends Span {
  /** Term ids, each once, in order of first use (the order tells a verbatim repeat from a reordering). */
  readonly terms: readonly number[];
  readonly quote: Quote;
  /** Already reported as having a later variant (each sentence is reported once). */
  reported: boolean;
}

export const quoteVariant: Rule = {
  code: 'quote-variant',
  description: 'The same statement is quoted twice with different wording; check which wording is accurate.',
  defaultSeverity: 'warning',
  examples: [
    { text: '“Trade between our countries is growing fast despite sanctions,” he said. Later: “Trade between our countries is growing quickly despite the sanctions,” he said.', expect: 1 },
    { text: '“Trade is growing,” he said. “We will meet again in May,” he added.', expect: 0 },
  ],
  check(ctx) {
    if (termIds.size >= TERM_CACHE_LIMIT) forgetTerms(); // between documents only: ids must stay stable within one
    const findings: RuleFinding[] = [];
    // Sentences of one quotation are never compared with each other: a single quotation has no variants.
    if (countComparable(ctx.quotes) < 2) return findings;
    const sentences: QuoteSentence[] = [];
    const splits = new Map<string, readonly SplitSentence[]>();
    for (const q of ctx.quotes) if (isComparable(q)) addQuoteSentences(ctx.text, q, sentences, splits);
    lastSplits = splits;
    if (sentences.length < 2) return findings;
    sharedTerms.reset();
    for (let i = 0; i < sentences.length; i++) {
      const later = sentences[i];
      const first = Math.max(0, i - WINDOW);
      const shared = sharedTerms.countFor(i, later.terms, first);
      for (let j = first; j < i; j++) {
        if (shared[j - first] === 0) continue;
        const earlier = sentences[j];
        if (earlier.quote === later.quote || earlier.reported) continue;
        const score = (2 * shared[j - first]) / (earlier.terms.length + later.terms.length);
        if (score < THRESHOLD || (score === 1 && sameOrder(earlier.terms, later.terms))) continue; // repeated verbatim, not a variant
        earlier.reported = true;
        findings.push({
          start: earlier.start,
          end: earlier.end,
          message: `This quotation appears again later with different wording (${Math.round(score * 100)}% of words shared). Check which wording is accurate.`,
          related: [{ start: later.start, end: later.end, message: 'The other wording' }],
          data: { similarity: score },
        });
        break;
      }
    }
    return findings;
  },
};

/** Speech and partial quotations; scare quotes and quoted headings say nothing to compare. */
function isComparable(quote: Quote): boolean {
  return quote.kind !== 'scare' && quote.kind !== 'heading';
}

function countComparable(quotes: readonly Quote[]): number {
  let count = 0;
  for (const q of quotes) if (isComparable(q)) count++;
  return count;
}

/**
 * How many terms a sentence shares with each earlier one in its window, through an index from term to the
 * sentences that use it: a sentence meets only the earlier ones it has a word in common with. One counter
 * serves every check (reset between documents): its arrays are indexed by term id and outlive a document.
 */
class SharedTermCounter {
  /** Per term id, its latest occurrence in this document, valid only where `termDocument` is this document's number. */
  private latestOccurrence = new Int32Array(1024);
  private termDocument = new Int32Array(1024);
  private document = 0;
  /**
   * Occurrences chain back to earlier ones of the same term, so no list is kept per term. The lists are
   * reused from document to document (only the first `occurrences` entries belong to this one).
   */
  private readonly occurrenceSentence: number[] = [];
  private readonly previousOccurrence: number[] = [];
  private occurrences = 0;
  private readonly shared = new Int32Array(WINDOW);

  reset(): void {
    this.document++;
    this.occurrences = 0;
  }

  /** Counts for sentences first … index-1 (at [j - first]), then records sentence `index`'s terms. */
  countFor(index: number, terms: readonly number[], first: number): Int32Array {
    this.shared.fill(0, 0, index - first);
    for (const term of terms) {
      if (term >= this.termDocument.length) this.grow(term);
      const latest = this.termDocument[term] === this.document ? this.latestOccurrence[term] : -1;
      for (let k = latest; k >= 0 && this.occurrenceSentence[k] >= first; k = this.previousOccurrence[k]) this.shared[this.occurrenceSentence[k] - first]++;
      const occurrence = this.occurrences++;
      this.latestOccurrence[term] = occurrence;
      this.termDocument[term] = this.document;
      this.occurrenceSentence[occurrence] = index;
      this.previousOccurrence[occurrence] = latest;
    }
    return this.shared;
  }

  private grow(term: number): void {
    const size = Math.max(term + 1, this.termDocument.length * 2);
    const latest = new Int32Array(size);
    latest.set(this.latestOccurrence);
    const documents = new Int32Array(size);
    documents.set(this.termDocument);
    this.latestOccurrence = latest;
    this.termDocument = documents;
  }
}

const sharedTerms = new SharedTermCounter();

/** Words this short ("of", "to", "EU") are mostly function words and never decide a match, so they are not looked up. */
const SHORT_WORD = 2;
/** A sentence needs at least this many content words to be compared: shorter ones repeat by chance. */
const MIN_WORDS = 5;

/** A quote's sentence as `splitQuote` finds it, with offsets from the quote's start. */
interface SplitSentence {
  readonly from: number;
  readonly to: number;
  readonly terms: readonly number[];
}

/**
 * The last check's quotes split, by their words (a quote's sentences and terms depend on its own words only).
 * An edit to a long article leaves nearly every quotation as it was, so the next check splits only those that
 * changed: splitting every quote was about a tenth of an incremental analysis at 1 MB. Only the last check's are
 * kept, so only one older version of a text stays reachable through them; they go when the term ids do.
 */
let lastSplits = new Map<string, readonly SplitSentence[]>();
const NO_SENTENCES: readonly SplitSentence[] = [];

/** Appends the quote's comparable sentences, split now or taken from the last check; records the split in `splits`. */
function addQuoteSentences(text: string, quote: Quote, into: QuoteSentence[], splits: Map<string, readonly SplitSentence[]>): void {
  const known = splits.get(quote.text) ?? lastSplits.get(quote.text);
  if (known) {
    for (const s of known) into.push({ start: quote.start + s.from, end: quote.start + s.to, terms: s.terms, quote, reported: false });
    splits.set(quote.text, known);
    return;
  }
  const first = into.length;
  splitQuote(text, quote, into);
  const found = into.length === first ? NO_SENTENCES : into.slice(first).map((s): SplitSentence => ({ from: s.start - quote.start, to: s.end - quote.start, terms: s.terms }));
  splits.set(quote.text, found);
}

/**
 * Appends the quote's sentences (a run of text and the . ! ? after it, white space trimmed) that have enough
 * content words to compare. One pass over the quote in the article text: sentence ends, words and terms together.
 */
function splitQuote(text: string, quote: Quote, into: QuoteSentence[]): void {
  // Plain locals, no closure over them, and one charCodeAt per character: this loop visits every
  // character of every quotation. Words are stepped over by an inner loop of their own.
  let terms: number[] = [];
  let sentenceStart = -1;
  let contentEnd = -1;
  let closed = false; // the current sentence has reached its . ! ?
  const end = quote.end;
  let i = quote.start;
  while (i < end) {
    let code = text.charCodeAt(i);
    if (isWordCodeAt(text, i, code)) {
      if (closed) {
        addSentence(into, terms, sentenceStart, contentEnd, quote);
        terms = [];
        sentenceStart = -1;
        closed = false;
      }
      const wordStart = i;
      let hash = 0;
      do {
        hash = hashStep(hash, code);
        if (++i >= end) break;
        code = text.charCodeAt(i);
      } while (isWordCodeAt(text, i, code));
      if (i - wordStart > SHORT_WORD) addTerm(terms, termAt(text, wordStart, i, hash));
      if (sentenceStart < 0) sentenceStart = wordStart;
      contentEnd = i;
      continue;
    }
    const isEnd = code === 46 || code === 33 || code === 63;
    if (closed && !isEnd) {
      addSentence(into, terms, sentenceStart, contentEnd, quote);
      terms = [];
      sentenceStart = -1;
      closed = false;
    }
    if (isEnd) closed = true;
    if (!isWhitespace(code)) {
      if (sentenceStart < 0) sentenceStart = i;
      contentEnd = i + 1;
    }
    i++;
  }
  addSentence(into, terms, sentenceStart, contentEnd, quote);
}

/** Keeps a sentence that has enough content words to compare. */
function addSentence(into: QuoteSentence[], terms: number[], start: number, end: number, quote: Quote): void {
  if (terms.length >= MIN_WORDS) into.push({ start, end, terms, quote, reported: false });
}

function addTerm(terms: number[], term: number): void {
  if (term !== STOP_WORD && !terms.includes(term)) terms.push(term);
}

/** News vocabulary repeats, so each word as written keeps its term id; all are forgotten past this many words. */
const TERM_CACHE_LIMIT = 50_000;
const STOP_WORD = -1;
const termIds = new WordTable<number>();
const stemIds = new Map<string, number>();

function forgetTerms(): void {
  termIds.clear();
  stemIds.clear();
  lastSplits = new Map();
}

/** The term id of text[start, end), whose `hashStep` hash is `hash`. */
function termAt(text: string, start: number, end: number, hash: number): number {
  let id = termIds.get(text, start, end, hash);
  if (id === undefined) {
    const word = text.slice(start, end);
    id = termOf(word);
    termIds.add(word, hash, id);
  }
  return id;
}

/** The id of the word's stem, or STOP_WORD. Crude stemming, so "integrated"/"integration" and "countries"/"country" meet. */
function termOf(word: string): number {
  const lower = word.toLowerCase();
  const stem = lower.replace(/(?:ations?|ated|ating|ies|es|s|ed|ing|ion|al)$/u, '').slice(0, 7);
  if (STOP.has(lower) || !stem) return STOP_WORD;
  let id = stemIds.get(stem);
  if (id === undefined) stemIds.set(stem, (id = stemIds.size));
  return id;
}

function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}
