/**
 * Ties each quotation to its speaker. Looks in the quote's own sentence: after the quote
 * (“…,” Putin said / said Putin / he added), then before it (Putin said that “…” /
 * According to X, “…”). Quotes with no speaker in their sentence inherit one from the quote
 * they continue (multi-paragraph convention) or from an earlier quote in the same paragraph.
 */
import cues from '../data/cues.json';
import type { EntityMention, Quote, QuoteKind, Span, Speaker } from '../types';
import type { RawQuote } from './quoteMarks';
import { hasMoreWordsThan, isWhitespace } from '../text/chars';
import { upperBound } from '../text/search';

// Lower-case verbs, or capitalised at a sentence start ("According to"): a case-sensitive class on the
// first letter keeps the regex several times faster than the `i` flag over this many alternatives.
const VERBS = [...cues.speechVerbs]
  .sort((a, b) => b.length - a.length)
  .map((v) => `[${v[0].toUpperCase()}${v[0]}]${v.slice(1).replace(/ /g, '\\s+')}`);
const VERB_RE = new RegExp(`\\b(?:${VERBS.join('|')})\\b`, 'gu');
const LEADING_VERB_RE = new RegExp(`^[\\s,]*(${VERBS.join('|')})\\s+`, 'u');
/** Words allowed between a speaker and the verb: "Putin also said", "he has repeatedly stressed". */
const GAP_RE = new RegExp(
  `^[\\s,]*(?:(?:also|then|further|later|earlier|again|once|has|had|have|was|is|\\p{L}+ly|${timePhrases()})[\\s,]+){0,3}$`,
  'u',
);
/** An appositive between subject and verb: "Lukashenko, speaking to BelTA, said …". */
const APPOSITIVE_RE = /^\s*,[^,;“”"«»]{1,80},\s*(?:(?:also|then|has|had|\p{L}+ly)\s+){0,2}$/u;
const SCARE_MAX_WORDS = 4;
/** Words of a title before a name: capitalised words ("Moldovan President", "Deputy Foreign Minister") or title nouns ("spokesman"). */
const TITLE_WORDS = [...cues.personTitles].sort((a, b) => b.length - a.length).map((t) => t.replace(/ /g, '\\s+'));
const TITLE_GAP_RE = new RegExp(`^(?:the\\s+)?(?:(?:\\p{Lu}[\\p{L}’'.-]*|(?:${TITLE_WORDS.join('|')})(?:[’']s)?|deputy|former|acting|chief|senior)\\s+){1,6}$`, 'u');
const TITLE_GAP_MAX = 60;

/** When, between a speaker and the verb: "Putin on Friday told …", "Peskov yesterday said …". */
function timePhrases(): string {
  const weekdays = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
  return `on\\s+(?:${weekdays})|(?:${weekdays})|yesterday|today|tonight|this\\s+week|last\\s+week|in\\s+a\\s+statement`;
}

export interface SpeakerCandidate extends EntityMention {
  /** For pronouns, the mention the pronoun stands for. */
  readonly referent?: EntityMention;
}

export interface AttributionContext {
  readonly text: string;
  /** People, organizations, titles and resolved pronouns, sorted by start. */
  readonly candidates: readonly SpeakerCandidate[];
  /** Sentence spans of every paragraph, in text order. */
  readonly sentenceOf: (offset: number) => Span;
  readonly paragraphs: readonly Span[];
}

export function attributeQuotes(raw: readonly RawQuote[], ctx: AttributionContext): Quote[] {
  const quotes: Quote[] = raw.map((q) => attributeOne(q, ctx));
  inheritSpeakers(raw, quotes);
  return quotes;
}

function attributeOne(q: RawQuote, ctx: AttributionContext): Quote {
  const { text } = ctx;
  const sentence = ctx.sentenceOf(q.outer.start);
  const found = speakerAfter(q, sentence, ctx) ?? speakerBefore(q, sentence, ctx) ?? speakerInNextSentence(q, sentence, ctx);
  const content = text.slice(q.start, q.end);
  const kind = quoteKind(q, sentence, content, text, found !== undefined);
  return {
    start: q.start,
    end: q.end,
    text: content,
    outer: q.outer,
    kind,
    speaker: kind === 'scare' ? null : found?.speaker ?? null,
    cue: found?.cue ?? null,
    cueSpan: found?.cueSpan,
    unclosed: q.unclosed,
  };
}

interface Found {
  readonly speaker: Speaker;
  readonly cue: string;
  readonly cueSpan: Span;
}

function speakerAfter(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const afterStart = q.outer.end;
  const after = ctx.text.slice(afterStart, Math.max(afterStart, sentence.end));
  // Inverted order: “…,” said Putin.
  const lead = LEADING_VERB_RE.exec(after);
  if (lead) {
    const nameAt = afterStart + lead[0].length;
    const candidate = candidateAt(ctx, nameAt, 'starts') ?? personAfterTitle(ctx, nameAt);
    if (candidate) return found(candidate, lead[1], afterStart + lead.index + lead[0].indexOf(lead[1]));
  }
  // Normal order: “…,” Putin said / the Russian leader added / he shared / Moldovan President Maia Sandu said.
  const head = skipLeadingPunctuation(ctx.text, afterStart, Math.max(afterStart, sentence.end));
  // The person after a title is looked for only when the mention right there is not the speaker.
  return speakerWithVerb(candidateAt(ctx, head, 'starts'), sentence, ctx) ?? speakerWithVerb(personAfterTitle(ctx, head), sentence, ctx);
}

/** `candidate` with the speech verb after it in its sentence ("Putin also said"), or undefined. */
function speakerWithVerb(candidate: SpeakerCandidate | undefined, sentence: Span, ctx: AttributionContext): Found | undefined {
  if (!candidate) return undefined;
  const rest = ctx.text.slice(candidate.end, sentence.end);
  VERB_RE.lastIndex = 0;
  const verb = VERB_RE.exec(rest);
  return verb && GAP_RE.test(rest.slice(0, verb.index) + ' ') ? found(candidate, verb[0], candidate.end + verb.index) : undefined;
}

/** Past white space and the punctuation that may follow a closing quote mark (, . ; : ! ? and dashes). */
function skipLeadingPunctuation(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (isWhitespace(text.charCodeAt(i)) || ',.;:!?—–-'.includes(text.charAt(i)))) i++;
  return i;
}

/** The person right after a title at `offset`: "Kremlin spokesman Dmitry Peskov", "Moldovan President Maia Sandu". */
function personAfterTitle(ctx: AttributionContext, offset: number): SpeakerCandidate | undefined {
  for (let i = upperBound(ctx.candidates, offset); i < ctx.candidates.length; i++) {
    const c = ctx.candidates[i];
    if (c.start - offset > TITLE_GAP_MAX) return undefined;
    // "the Azerbaijani president's adviser Hikmet Hajiyev": a possessive title is part of the title, not the speaker.
    // A title is at least one word, so a person right at `offset` has none before it.
    if (c.kind === 'person' && c.via !== 'pronoun' && c.start > offset && TITLE_GAP_RE.test(ctx.text.slice(offset, c.start))) return c;
  }
  return undefined;
}

function speakerBefore(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const before = ctx.text.slice(sentence.start, q.outer.start);
  VERB_RE.lastIndex = 0;
  let best: Found | undefined;
  let m: RegExpExecArray | null;
  while ((m = VERB_RE.exec(before))) {
    const verbStart = sentence.start + m.index;
    const verb = m[0];
    if (/^according\s+to$/i.test(verb)) {
      const candidate = candidateAt(ctx, verbStart + verb.length + 1, 'near');
      if (candidate) best = found(candidate, verb, verbStart, 'according-to');
      continue;
    }
    const subject = candidateEndingBefore(ctx, verbStart, sentence.start);
    if (subject) best = found(subject, verb, verbStart);
  }
  return best;
}

/** A quote that is a whole sentence may be attributed by the next one: “…” The minister said so in Minsk. */
function speakerInNextSentence(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  if (!/^\s*$/.test(ctx.text.slice(sentence.start, q.outer.start))) return undefined;
  const paragraph = ctx.paragraphs[q.paragraphIndex];
  let next = sentence.end;
  while (next < paragraph.end && /\s/.test(ctx.text.charAt(next))) next++;
  if (next >= paragraph.end) return undefined;
  const candidate = candidateAt(ctx, next, 'near');
  if (!candidate || /^[“"«„‘']/.test(ctx.text.charAt(next))) return undefined;
  const rest = ctx.text.slice(candidate.end, ctx.sentenceOf(next).end);
  VERB_RE.lastIndex = 0;
  const verb = VERB_RE.exec(rest) ?? /^\s+(?:made|gave)\s+(?:the|these|those)\s+(?:remarks?|comments?|statement)/u.exec(rest);
  if (!verb || (verb.index > 0 && !GAP_RE.test(rest.slice(0, verb.index) + ' '))) return undefined;
  return found(candidate, verb[0].trim(), candidate.end + verb.index + (verb[0].length - verb[0].trimStart().length));
}

function found(candidate: SpeakerCandidate, cue: string, cueStart: number, how?: Speaker['how']): Found {
  const person = candidate.referent ?? candidate;
  const speakerHow: Speaker['how'] =
    how ?? (candidate.via === 'pronoun' ? 'pronoun' : candidate.via === 'title' ? 'title' : /cited|quoted/i.test(cue) ? 'intermediary' : 'direct');
  return {
    speaker: { start: candidate.start, end: candidate.end, name: person.name, id: person.id, how: speakerHow },
    cue: cue.replace(/\s+/g, ' '),
    cueSpan: { start: cueStart, end: cueStart + cue.length },
  };
}

/** The candidate starting exactly at `offset` ('starts'), or within a few characters ('near', skipping "the"). */
function candidateAt(ctx: AttributionContext, offset: number, mode: 'starts' | 'near'): SpeakerCandidate | undefined {
  const i = upperBound(ctx.candidates, offset);
  const c = ctx.candidates[i];
  if (!c) return undefined;
  if (c.start === offset) return c;
  const gap = ctx.text.slice(offset, c.start);
  return mode === 'near' && /^\s*(?:the\s+)?(?:\p{L}+\s+){0,3}$/u.test(gap) && c.start - offset < 40 ? c : undefined;
}

function candidateEndingBefore(ctx: AttributionContext, offset: number, floor: number): SpeakerCandidate | undefined {
  for (let i = upperBound(ctx.candidates, offset) - 1; i >= 0; i--) {
    const c = ctx.candidates[i];
    if (c.start < floor) return undefined;
    if (c.end > offset) continue;
    const gap = ctx.text.slice(c.end, offset);
    if (GAP_RE.test(gap) || APPOSITIVE_RE.test(gap)) return c;
    if (gap.length > 90) return undefined;
  }
  return undefined;
}

function quoteKind(q: RawQuote, sentence: Span, content: string, text: string, attributed: boolean): QuoteKind {
  const closedBy = text.charAt(q.outer.end);
  if (q.opensParagraph && !q.unclosed && /\p{Lu}/u.test(closedBy) && /[‘']/.test(text.charAt(q.outer.start))) return 'heading';
  const startsSentence = !hasMoreWordsThan(text, sentence.start, q.outer.start, 0); // nothing but white space before it
  const trimmed = content.trim();
  // Scare quotes are short phrases ("as is"), not sentences: a quote ending in sentence punctuation is speech,
  // and so is one that opens its sentence and ends in a comma (“This is the moment,” a diplomat said).
  const speechShaped = /[.!?]$/.test(trimmed) || (startsSentence && trimmed.endsWith(','));
  if (!attributed && !q.unclosed && !speechShaped && !hasMoreWordsThan(trimmed, 0, trimmed.length, SCARE_MAX_WORDS)) return 'scare';
  return startsSentence ? 'speech' : 'partial';
}

/**
 * News convention: a paragraph that opens a quote without closing it continues into the next
 * paragraph that opens with a quote mark; all parts share one speaker. A quote with no attribution
 * right after an attributed quote in the same paragraph shares its speaker too.
 */
function inheritSpeakers(raw: readonly RawQuote[], quotes: Quote[]): void {
  const groups: number[][] = [];
  for (let i = 0; i < raw.length; i++) {
    const prev = groups[groups.length - 1];
    const last = prev?.[prev.length - 1];
    const continues = last !== undefined && raw[last].unclosed && raw[i].opensParagraph && raw[i].paragraphIndex > raw[last].paragraphIndex;
    if (continues) prev.push(i);
    else groups.push([i]);
  }
  for (const group of groups) {
    const source = group.map((i) => quotes[i]).find((q) => q.speaker);
    for (const i of group) {
      const q = quotes[i];
      const isContinued = group.length > 1 && raw[i].unclosed;
      if (!q.speaker && source) quotes[i] = { ...q, kind: isContinued ? 'continued' : q.kind === 'scare' ? 'speech' : q.kind, speaker: { ...source.speaker!, how: 'inherited' }, cue: source.cue };
      else if (isContinued) quotes[i] = { ...q, kind: 'continued' };
    }
  }
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i];
    const prev = quotes[i - 1];
    if (!q.speaker && q.kind !== 'scare' && q.kind !== 'heading' && raw[i].paragraphIndex === raw[i - 1].paragraphIndex && prev.speaker) {
      quotes[i] = { ...q, speaker: { ...prev.speaker, how: 'inherited' }, cue: prev.cue };
    }
  }
}
