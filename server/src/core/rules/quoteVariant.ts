/**
 * The same statement quoted twice with different wording. Compares the sentences of quotes by
 * their content words; near-identical but not identical sentences are variants.
 */
import { isWhitespace, isWordChar } from '../text/chars';
import type { Quote, Span } from '../types';
import type { Rule } from './types';

const STOP = new Set('the a an and or of to in on for with by at from as is are was were be been it its this that these those our their we you they he she i not but also which who will would can could has have had there here all any so than then such'.split(' '));
const THRESHOLD = 0.5;
/** Variants are looked for among this many earlier quote sentences, keeping long documents linear. */
const WINDOW = 60;

interface QuoteSentence extends Span {
  /** Term ids in order of first use (for telling a verbatim repeat from a reordering). */
  readonly terms: readonly number[];
  /** The same ids sorted, for counting shared terms by merging. */
  readonly sortedTerms: Int32Array;
  readonly quote: Quote;
}

export const quoteVariant: Rule = {
  code: 'quote-variant',
  description: 'The same statement is quoted twice with different wording; check which wording is accurate.',
  defaultSeverity: 'warning',
  examples: [
    { text: '“Trade between our countries is growing fast despite sanctions,” he said. Later: “Trade between our countries is growing quickly despite the sanctions,” he said.', expect: 1 },
    { text: '“Trade is growing,” he said. “We will meet again in May,” he added.', expect: 0 },
  ],
  *check(ctx) {
    if (termIds.size >= TERM_CACHE_LIMIT) forgetTerms(); // between documents only: ids must stay stable within one
    const sentences: QuoteSentence[] = [];
    for (const q of ctx.quotes) if (q.kind !== 'scare' && q.kind !== 'heading') splitQuote(ctx.text, q, sentences);
    const reported = new Set<QuoteSentence>();
    for (let i = 0; i < sentences.length; i++) {
      for (let j = Math.max(0, i - WINDOW); j < i; j++) {
        const earlier = sentences[j];
        const later = sentences[i];
        if (earlier.quote === later.quote || reported.has(earlier)) continue;
        const score = dice(earlier.sortedTerms, later.sortedTerms);
        if (score < THRESHOLD || (score === 1 && sameOrder(earlier.terms, later.terms))) continue; // repeated verbatim, not a variant
        reported.add(earlier);
        yield {
          start: earlier.start,
          end: earlier.end,
          message: `This quotation appears again later with different wording (${Math.round(score * 100)}% of words shared). Check which wording is accurate.`,
          related: [{ start: later.start, end: later.end, message: 'The other wording' }],
          data: { similarity: score },
        };
        break;
      }
    }
  },
};

/** Words this short ("of", "to", "EU") are mostly function words and never decide a match, so they are not looked up. */
const SHORT_WORD = 2;
/** A sentence needs at least this many content words to be compared: shorter ones repeat by chance. */
const MIN_WORDS = 5;

/**
 * Appends the quote's sentences (a run of text and the . ! ? after it, white space trimmed) that have enough
 * content words to compare. One pass over the quote in the article text: sentence ends, words and terms together.
 */
function splitQuote(text: string, quote: Quote, into: QuoteSentence[]): void {
  let terms: number[] = [];
  let sentenceStart = -1;
  let contentEnd = -1;
  let wordStart = -1;
  let closed = false; // the current sentence has reached its . ! ?
  const finishSentence = () => {
    if (terms.length >= MIN_WORDS) into.push({ start: sentenceStart, end: contentEnd, terms, sortedTerms: Int32Array.from(terms).sort(), quote });
    terms = [];
    sentenceStart = -1;
    closed = false;
  };
  for (let i = quote.start; i < quote.end; i++) {
    const code = text.charCodeAt(i);
    const isWord = isWordChar(text, i);
    if (!isWord && wordStart >= 0) {
      if (i - wordStart > SHORT_WORD) addTerm(terms, termOf(text.slice(wordStart, i)));
      wordStart = -1;
    }
    const isEnd = code === 46 || code === 33 || code === 63;
    if (closed && !isEnd) finishSentence();
    if (isEnd) closed = true;
    if (!isWhitespace(code)) {
      if (sentenceStart < 0) sentenceStart = i;
      contentEnd = i + 1;
    }
    if (isWord && wordStart < 0) wordStart = i;
  }
  if (wordStart >= 0 && quote.end - wordStart > SHORT_WORD) addTerm(terms, termOf(text.slice(wordStart, quote.end)));
  finishSentence();
}

function addTerm(terms: number[], term: number): void {
  if (term !== STOP_WORD && !terms.includes(term)) terms.push(term);
}

/** News vocabulary repeats, so each word as written keeps its term id; all are forgotten past this many. */
const TERM_CACHE_LIMIT = 50_000;
const STOP_WORD = -1;
const termIds = new Map<string, number>();
const stemIds = new Map<string, number>();

function forgetTerms(): void {
  termIds.clear();
  stemIds.clear();
}

/** The id of the word's stem, or STOP_WORD. Crude stemming, so "integrated"/"integration" and "countries"/"country" meet. */
function termOf(word: string): number {
  let id = termIds.get(word);
  if (id === undefined) {
    const lower = word.toLowerCase();
    const stem = lower.replace(/(?:ations?|ated|ating|ies|es|s|ed|ing|ion|al)$/u, '').slice(0, 7);
    if (STOP.has(lower) || !stem) id = STOP_WORD;
    else {
      id = stemIds.get(stem);
      if (id === undefined) stemIds.set(stem, (id = stemIds.size));
    }
    termIds.set(word, id);
  }
  return id;
}

function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}

/** Dice similarity of two sorted, duplicate-free id lists. */
function dice(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}
