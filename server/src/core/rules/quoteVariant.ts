/**
 * The same statement quoted twice with different wording. Compares the sentences of quotes by
 * their content words; near-identical but not identical sentences are variants.
 */
import { isWordChar } from '../text/chars';
import type { Quote, Span } from '../types';
import type { Rule } from './types';

const STOP = new Set('the a an and or of to in on for with by at from as is are was were be been it its this that these those our their we you they he she i not but also which who will would can could has have had there here all any so than then such'.split(' '));
const THRESHOLD = 0.5;
/** Variants are looked for among this many earlier quote sentences, keeping long documents linear. */
const WINDOW = 60;

interface QuoteSentence extends Span {
  readonly words: ReadonlySet<string>;
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
    const sentences = ctx.quotes.filter((q) => q.kind !== 'scare' && q.kind !== 'heading').flatMap(splitQuote);
    const reported = new Set<QuoteSentence>();
    for (let i = 0; i < sentences.length; i++) {
      for (let j = Math.max(0, i - WINDOW); j < i; j++) {
        const earlier = sentences[j];
        const later = sentences[i];
        if (earlier.quote === later.quote || reported.has(earlier)) continue;
        const score = dice(earlier.words, later.words);
        if (score < THRESHOLD || (score === 1 && sameOrder(earlier.words, later.words))) continue; // repeated verbatim, not a variant
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

function splitQuote(quote: Quote): QuoteSentence[] {
  const parts: QuoteSentence[] = [];
  const re = /[^.!?]+[.!?]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(quote.text))) {
    const words = contentWords(m[0]);
    if (words.size < 5) continue;
    const lead = m[0].length - m[0].trimStart().length;
    const start = quote.start + m.index + lead;
    parts.push({ start, end: quote.start + m.index + m[0].trimEnd().length, words, quote });
  }
  return parts;
}

/** Lower-cased, stemmed words minus stop words. A hand loop: several times faster than split or exec here. */
function contentWords(sentence: string): Set<string> {
  const words = new Set<string>();
  const lower = sentence.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && isWordChar(lower, i)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const word = lower.slice(start, i);
      if (!STOP.has(word)) words.add(stem(word));
      start = -1;
    }
  }
  return words;
}

/** News vocabulary repeats, so stems are remembered; the cache is dropped when it grows past this size. */
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** Crude stemming so "integrated"/"integration" and "countries"/"country" meet. */
function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemmed = word.replace(/(?:ations?|ated|ating|ies|es|s|ed|ing|ion|al)$/u, '').slice(0, 7);
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

function sameOrder(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].join(' ') === [...b].join(' ');
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}
