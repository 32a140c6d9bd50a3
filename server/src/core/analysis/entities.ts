/**
 * Entity mentions by literal KB name or alias (longest first), upper-case datelines (MOSCOW),
 * demonyms (Russian → Russia), plus capitalised names the KB does not know when a cue says
 * what they are ("President X", "X Agency", "in X").
 */
import cues from '../data/cues.json';
import type { KnowledgeBase, NameHit } from '../kb/knowledgeBase';
import type { KbEntity } from '../kb/types';
import type { EntityMention, MentionKind, Span } from '../types';
import { asciiInitials, hasMoreWordsThan, isHighSurrogate, isInitialIn, isUpperCaseAt, isWhitespace, isWordChar, isWordCodeAt, matchesAt } from '../text/chars';
import { firstIndexWhere } from '../text/search';
import { scanMarks } from '../text/marks';
import { hashOf, hashStep, WordTable } from '../text/wordTable';

const NOT_A_NAME = new Set([
  ...cues.sentenceInitialNonNames,
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Western', 'Eastern', 'Northern', 'Southern',
]);
const ORG_SUFFIXES = new Set(cues.orgSuffixes);
/** The same suffixes, looked up where a word stands. */
const ORG_SUFFIX_WORDS = new WordTable<true>();
for (const suffix of ORG_SUFFIXES) ORG_SUFFIX_WORDS.add(suffix, hashOf(suffix), true);
const PLACE_CUES = new Set(cues.placeCues);
const PERSON_CUES = new Set(cues.personCues.filter((c) => !c.includes(' ')));
const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', '&']);
/** The longest connector with a possessive after it ("and’s"): a longer word is no connector. */
const LONGEST_CONNECTOR_WRITTEN = Math.max(...[...NAME_CONNECTORS].map((c) => c.length)) + 2;

const NO_CUE = 0;
const PERSON_CUE = 1;
const PLACE_CUE = 2;
/** Cue words before a name, as PERSON_CUE | PLACE_CUE bits. */
const CUES = new WordTable<number>();
{
  const bits = new Map<string, number>();
  for (const word of PERSON_CUES) bits.set(word, (bits.get(word) ?? NO_CUE) | PERSON_CUE);
  for (const word of PLACE_CUES) bits.set(word, (bits.get(word) ?? NO_CUE) | PLACE_CUE);
  for (const [word, cue] of bits) CUES.add(word, hashOf(word), cue);
}
const LONGEST_CUE = Math.max(...[...PERSON_CUES, ...PLACE_CUES].map((w) => w.length));

/** `nameStarts`: where capitalised words may start, as `scanMarks` finds them (computed here when not given). */
export function findEntityMentions(text: string, paragraphs: readonly Span[], kb: KnowledgeBase, nameStarts: readonly number[] = scanMarks(text).nameStarts): EntityMention[] {
  const mentions: EntityMention[] = [];
  let paragraphIndex = 0;
  const facts = wordFactsFor(kb);
  let runs: RunReader | undefined; // made when first needed
  let chromeChecked = -1; // the paragraph whose page-chrome test is in `chrome`
  let chrome = false;
  let resumeAt = 0; // name starts before this are inside a word or mention already read
  for (let k = 0; k < nameStarts.length; k++) {
    const start = nameStarts[k];
    if (start < resumeAt) continue;
    while (paragraphIndex < paragraphs.length && paragraphs[paragraphIndex].end <= start) paragraphIndex++;
    const paragraph = paragraphs[paragraphIndex];
    if (!paragraph) break;
    if (start < paragraph.start) continue;
    let i = start + 1;
    let hash = hashStep(0, text.charCodeAt(start));
    for (; i < paragraph.end; i++) {
      const code = text.charCodeAt(i);
      if (!isWordCodeAt(text, i, code)) break;
      hash = hashStep(hash, code);
    }
    resumeAt = i;
    // Only capitals start names (the scan passes non-ASCII letters of every case).
    if (text.charCodeAt(start) > 127 && !isUpperCaseAt(text, start)) continue;
    const wordFacts = facts(text, start, i, hash);
    const known = matchKnown(text, start, wordFacts, paragraph.end);
    // The commonest capitalised words ("The", "He", "But") can never start an unknown name: skip the costly checks.
    let mention = known;
    if (!mention && !(wordFacts.notAName && text.charCodeAt(i) !== 45)) {
      if (chromeChecked !== paragraphIndex) {
        chrome = isPageChrome(text, paragraph);
        chromeChecked = paragraphIndex;
      }
      if (!chrome) mention = matchUnknown(text, start, paragraph, kb, (runs ??= new RunReader(text)));
    }
    if (mention) {
      mentions.push(mention);
      resumeAt = Math.max(i, mention.end);
    }
  }
  return withLaterSurnames(text, paragraphs, mentions);
}

/**
 * News names a person in full once, then by surname ("Bidzina Ivanishvili … Ivanishvili told"). For
 * people the KB does not know, later uses of the surname become mentions of the full name.
 */
function withLaterSurnames(text: string, paragraphs: readonly Span[], mentions: EntityMention[]): EntityMention[] {
  const fullNames = new Map<string, EntityMention>();
  for (const m of mentions) {
    if (m.kind !== 'person' || m.id !== null) continue;
    const words = m.text.split(/\s+/);
    const surname = words[words.length - 1];
    if (words.length >= 2 && !fullNames.has(surname)) fullNames.set(surname, m);
  }
  if (fullNames.size === 0) return mentions;
  const added: EntityMention[] = [];
  let covered = 0;
  for (const { start, word } of wholeWordOccurrences(text, [...fullNames.keys()])) {
    const first = fullNames.get(word)!;
    if (start < first.end || !insideParagraph(paragraphs, start)) continue;
    while (covered < mentions.length && mentions[covered].end <= start) covered++;
    if (covered < mentions.length && mentions[covered].start <= start) continue; // part of another mention
    added.push({ start, end: start + word.length, text: word, kind: 'person', id: null, name: first.name, via: 'alias' });
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/**
 * Where `words` occur as whole words, leftmost first and never overlapping; where several start at one
 * place, the earliest in `words` wins (what one alternation of them would find). A few literal searches
 * (`indexOf`) cost far less than a regex trying Unicode look-arounds at every position of the article.
 * Exported for its test.
 */
export function wholeWordOccurrences(text: string, words: readonly string[]): { start: number; word: string }[] {
  const found: { start: number; rank: number }[] = [];
  words.forEach((word, rank) => {
    if (!word) return;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if ((at === 0 || !isWordChar(text, at - 1)) && (end >= text.length || !isWordChar(text, end))) found.push({ start: at, rank });
    }
  });
  found.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const occurrences: { start: number; word: string }[] = [];
  let end = 0;
  for (const { start, rank } of found) {
    if (start < end) continue;
    occurrences.push({ start, word: words[rank] });
    end = start + words[rank].length;
  }
  return occurrences;
}

function insideParagraph(paragraphs: readonly Span[], offset: number): boolean {
  const i = firstIndexWhere(paragraphs.length, (p) => paragraphs[p].end > offset);
  return i < paragraphs.length && paragraphs[i].start <= offset;
}

/** Three or more upper-case letters and nothing else ("MOSCOW", "STORY"); stops at the first other character. */
function isAllCaps(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i += isHighSurrogate(word.charCodeAt(i)) ? 2 : 1) {
    if (!isUpperCaseAt(word, i)) return false;
    letters++;
  }
  return letters >= 3;
}

/** True when only sentence punctuation, an opening quote mark or nothing stands before `start` in its paragraph. */
function startsSentence(text: string, start: number, floor: number): boolean {
  let i = start - 1;
  while (i >= floor && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < floor || '.!?:|“"«'.includes(text.charAt(i));
}

/** What the matcher needs to know about one capitalised word, worked out once per knowledge base. */
interface WordFacts {
  readonly word: string;
  /** KB names and aliases beginning with the word, longest first, each with what it names. */
  readonly names: readonly KnownName[];
  /** The same for the word title-cased, when the word is in capitals (MOSCOW → Moscow). */
  readonly shoutedNames: readonly KnownName[];
  readonly demonym: KbEntity | undefined;
  /** Sentence openers, months, weekdays: never the start of an unknown name. */
  readonly notAName: boolean;
}

interface KnownName {
  readonly name: string;
  /** The name after its first word (which the scanner has already matched), or "". */
  readonly rest: string;
  readonly hit: NameHit;
}

/** News repeats its capitalised words; facts are kept per KB (the cache is dropped when it grows past this). */
const WORD_FACTS_LIMIT = 50_000;
type FactsLookup = (text: string, start: number, end: number, hash: number) => WordFacts;
const wordFactsByKb = new WeakMap<KnowledgeBase, FactsLookup>();

/** Facts of the word text[start, end) whose `hashStep` hash is `hash`, from the KB's cache or worked out once. */
function wordFactsFor(kb: KnowledgeBase): FactsLookup {
  let lookup = wordFactsByKb.get(kb);
  if (!lookup) wordFactsByKb.set(kb, (lookup = factsLookup(kb)));
  return lookup;
}

function factsLookup(kb: KnowledgeBase): FactsLookup {
  const known = new WordTable<WordFacts>();
  return (text, start, end, hash) => {
    let facts = known.get(text, start, end, hash);
    if (!facts) {
      if (known.size >= WORD_FACTS_LIMIT) known.clear();
      const word = text.slice(start, end);
      facts = {
        word,
        names: knownNames(kb, word),
        shoutedNames: isAllCaps(word) ? knownNames(kb, word.charAt(0) + word.slice(1).toLowerCase()) : [],
        demonym: kb.lookupDemonym(word),
        notAName: NOT_A_NAME.has(word),
      };
      known.add(word, hash, facts);
    }
    return facts;
  };
}

function knownNames(kb: KnowledgeBase, firstWord: string): KnownName[] {
  return kb.namesStartingWith(firstWord).map((name) => ({ name, rest: name.slice(firstWord.length), hit: kb.lookupName(name)[0] }));
}

function matchKnown(text: string, start: number, facts: WordFacts, limit: number): EntityMention | undefined {
  const word = facts.word;
  // Each name begins with `word`, so only what follows it is compared.
  for (const { name, rest, hit } of facts.names) {
    // The text there spells the name exactly, so the name itself is the mention's text (no slice).
    if ((!rest || matchesAt(text, start + word.length, rest)) && isBoundary(text, start + name.length, limit)) return mentionOf(name, start, hit);
  }
  // Datelines and headlines shout: MOSCOW → Moscow.
  for (const { name, hit } of facts.shoutedNames) {
    if (text.slice(start, start + name.length) === name.toUpperCase() && isBoundary(text, start + name.length, limit)) {
      return mentionOf(text.slice(start, start + name.length), start, hit);
    }
  }
  const demonym = facts.demonym;
  if (demonym && isBoundary(text, start + word.length, limit)) {
    return { start, end: start + word.length, text: word, kind: demonym.kind, id: demonym.id, name: demonym.name, via: 'demonym' };
  }
  return undefined;
}

function mentionOf(spelled: string, start: number, hit: NameHit): EntityMention {
  return { start, end: start + spelled.length, text: spelled, kind: hit.entity.kind, id: hit.entity.id, name: hit.entity.name, via: hit.via };
}

function isBoundary(text: string, index: number, limit: number): boolean {
  return index >= limit || !isWordChar(text, index);
}

export interface CapitalisedRun {
  readonly end: number;
  readonly words: readonly string[];
  /** Where each of `words` starts. */
  readonly starts: readonly number[];
  /** How many of `words` are capitalised (the rest are connectors such as "of"). */
  readonly capitalised: number;
}

/**
 * More capitalised words than this in a row are a headline or a banner, not a name. The longest names in the
 * built-in KB have seven or eight ("Coordinating Council of Prosecutors General of the CIS Member States").
 */
export const MAX_NAME_WORDS = 10;

/**
 * Reads runs of capitalised words in one article, for capitalised words asked about in text order. The run
 * from a word inside the last run read is that run's tail, and no word of a headline-length run starts a
 * name, so a title-case line is read once in all, not once per word (which was quadratic in its length).
 * Exported for its test.
 */
export class RunReader {
  private last: CapitalisedRun | undefined;

  constructor(private readonly text: string) {}

  /** The run of capitalised words from `start`, or undefined when `start` is inside a headline-length run. */
  at(start: number, limit: number): CapitalisedRun | undefined {
    const last = this.last;
    if (last && last.starts.length && start > last.starts[0] && start < last.end) {
      if (isHeadline(last)) return undefined;
      const k = last.starts.indexOf(start);
      if (k > 0) {
        const words = last.words.slice(k);
        return { end: last.end, words, starts: last.starts.slice(k), capitalised: words.filter((w) => !NAME_CONNECTORS.has(w)).length };
      }
    }
    this.last = capitalisedRun(this.text, start, limit);
    return isHeadline(this.last) ? undefined : this.last;
  }
}

function isHeadline(run: CapitalisedRun): boolean {
  return run.capitalised > MAX_NAME_WORDS;
}

/**
 * A run of capitalised words (with "of", "the", … inside) starting at `start`, within the paragraph.
 * A word must be followed by white space or the paragraph end ("Bar," ends the run before "Bar").
 */
export function capitalisedRun(text: string, start: number, limit: number): CapitalisedRun {
  const words: string[] = [];
  const starts: number[] = [];
  walkRun(text, start, limit, Infinity, words, starts);
  // Connectors read after the last capitalised word are not part of the run.
  words.length = walked.words;
  starts.length = walked.words;
  return { end: Math.min(walked.lastStart < 0 ? start : walked.lastEnd, limit), words, starts, capitalised: walked.capitalised };
}

/** The shape of the run `walkRun` read last (one object, refilled by each call). Exported for its test. */
export const walked = {
  /** Capitalised words, counted up to the `atMost` given. */
  capitalised: 0,
  /** Words up to and including the last capitalised one (a run never ends in a connector). */
  words: 0,
  /** Where the last capitalised word is, without a possessive ending; -1 when there is none. */
  lastStart: -1,
  lastEnd: -1,
};

/**
 * Reads the run of capitalised words from `start` and describes it in `walked`; reading stops after `atMost`
 * capitalised words. Without `words` and `starts` nothing is built (only a short lower-case word, which may
 * be a connector, is cut out of the text); with them, every word read is appended, trailing connectors
 * included, with where it starts (`capitalisedRun`). Exported for its test.
 */
export function walkRun(text: string, start: number, limit: number, atMost: number, words?: string[], starts?: number[]): void {
  let capitalised = 0;
  let read = 0;
  walked.words = 0;
  walked.lastStart = -1;
  walked.lastEnd = -1;
  let i = start;
  while (i < limit && isWordChar(text, i)) {
    let j = i + 1;
    while (j < limit && (isWordChar(text, j) || isNameJoiner(text.charCodeAt(j)))) j++;
    if (j < limit && !isWhitespace(text.charCodeAt(j))) break;
    if (isUpperCaseAt(text, i)) {
      capitalised++;
      walked.words = ++read;
      walked.lastStart = i;
      walked.lastEnd = withoutPossessiveEnd(text, i, j);
      words?.push(text.slice(i, walked.lastEnd));
      starts?.push(i);
      if (capitalised >= atMost || text.charCodeAt(j - 1) === 46) break; // a word ending in a dot ends the run
    } else {
      const connector = read > 0 && j - i <= LONGEST_CONNECTOR_WRITTEN ? withoutPossessive(text.slice(i, j)) : '';
      if (!NAME_CONNECTORS.has(connector)) break;
      read++;
      words?.push(connector);
      starts?.push(i);
    }
    i = j;
    while (i < limit && isWhitespace(text.charCodeAt(i))) i++;
  }
  walked.capitalised = capitalised;
}

/**
 * Without a cue before it, only an organisation can be named at `start` (a word followed by another
 * capitalised one): by a run of two or more words that ends in a suffix ("X News Agency"). That is checked
 * without building the run, which most such words do not start. A headline-length run is still read as
 * `RunReader.at` reads it, so that none of its words starts a name later; any other run would only have
 * handed later words its tails, which are what fresh reads give.
 */
function mayNameOrganization(text: string, start: number, limit: number, runs: RunReader): boolean {
  walkRun(text, start, limit, MAX_NAME_WORDS + 1);
  if (walked.capitalised > MAX_NAME_WORDS) {
    runs.at(start, limit);
    return false;
  }
  return walked.words >= 2 && ORG_SUFFIX_WORDS.get(text, walked.lastStart, walked.lastEnd, hashOf(text, walked.lastStart, walked.lastEnd)) === true;
}

/** Where text[start, end) ends without its possessive ending or closing mark ("Putin’s", "Inc."). */
function withoutPossessiveEnd(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  const beforeLast = end - 2 >= start ? text.charCodeAt(end - 2) : NaN;
  if ((last === 115 || last === 83) && (beforeLast === 0x2019 || beforeLast === 39 || beforeLast === 46)) return end - 2;
  if (last === 0x2019 || last === 39 || last === 46) return end - 1;
  return end;
}

/** "Putin’s" → "Putin", "Inc." → "Inc". */
function withoutPossessive(word: string): string {
  const end = withoutPossessiveEnd(word, 0, word.length);
  return end === word.length ? word : word.slice(0, end);
}

/** An unknown name starting at `start`, in a paragraph of prose (not page chrome). */
function matchUnknown(text: string, start: number, paragraph: Span, kb: KnowledgeBase, runs: RunReader): EntityMention | undefined {
  const cue = cueBefore(text, start, paragraph.start);
  // Without a cue before it, only a multi-word run can be a name (an "X Agency"): skip lone capitalised words early.
  if (cue === NO_CUE && (!nextWordIsCapitalised(text, start, paragraph.end) || !mayNameOrganization(text, start, paragraph.end, runs))) return undefined;
  const run = runs.at(start, paragraph.end);
  if (!run) return undefined; // part of a headline
  const sentenceStart = startsSentence(text, start, paragraph.start);
  // The kind first: it needs only the cue, the run's length and its last word, and without one nothing is found.
  let kind: MentionKind | undefined;
  if (cue & PERSON_CUE && run.words.length <= 3) kind = 'person';
  else if (run.words.length >= 2 && ORG_SUFFIXES.has(run.words[run.words.length - 1])) kind = 'organization';
  else if (cue & PLACE_CUE && !sentenceStart && run.words.length <= 3) kind = 'place';
  if (!kind) return undefined;
  if (run.words.length === 0 || NOT_A_NAME.has(run.words[0]) || run.words.some((w) => kb.lookupDemonym(w))) return undefined;
  // "Officials of the Tengri News Agency": a capitalised sentence opener joined by "of" is not part of the name.
  if (sentenceStart && run.words.length > 1 && NAME_CONNECTORS.has(run.words[1])) return undefined;
  if (run.words.every((w) => isAllCaps(w) || w.length < 2)) return undefined; // banners such as "STORY CONTINUES"
  const end = trimRunToKnown(text, start, run.end, kb);
  if (end <= start) return undefined;
  const name = text.slice(start, end);
  return { start, end, text: name, kind, id: null, name, via: 'name' };
}

/** A few words with no sentence punctuation ("More from World", "Share this story") are page chrome, not prose. */
const CHROME_MAX_WORDS = 4;

function isPageChrome(text: string, paragraph: Span): boolean {
  if (paragraph.end - paragraph.start > 40) return false;
  const line = text.slice(paragraph.start, paragraph.end);
  return !/[.!?:;,"“”«»]/.test(line) && !hasMoreWordsThan(text, paragraph.start, paragraph.end, CHROME_MAX_WORDS);
}

/**
 * Whether the word (letters and dots) ending just before the spaces in front of `start` is a person cue
 * ("President", "Mr.") or a place cue ("in"), as PERSON_CUE / PLACE_CUE bits. Looked up in place: this
 * runs for most capitalised words the KB does not know.
 */
function cueBefore(text: string, start: number, floor: number): number {
  let end = start;
  while (end > floor && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (end === start) return NO_CUE;
  let begin = end;
  while (begin > floor && end - begin <= LONGEST_CUE && (text.charCodeAt(begin - 1) === 46 || isWordChar(text, begin - 1))) begin--;
  if (end - begin > LONGEST_CUE || begin === end) return NO_CUE;
  return CUES.get(text, begin, end, hashOf(text, begin, end)) ?? NO_CUE;
}

const CONNECTORS_AHEAD = ['of', 'for', 'and', 'the', 'on', '&'];

function nextWordIsCapitalised(text: string, start: number, limit: number): boolean {
  let i = start;
  while (i < limit && (isWordChar(text, i) || isNameJoiner(text.charCodeAt(i)))) i++;
  while (i < limit && text.charCodeAt(i) === 32) i++;
  for (let skip = connectorLength(text, i); skip > 0 && i < limit; skip = connectorLength(text, i)) i += skip;
  return i < limit && isUpperCaseAt(text, i);
}

/** Code units a connector can start with: most words do not, and are turned away without a comparison. */
const CONNECTOR_INITIAL = asciiInitials(CONNECTORS_AHEAD);

/** Length of a connector word ("of", "and", …) and the spaces after it at `i`, or 0. */
function connectorLength(text: string, i: number): number {
  if (!isInitialIn(CONNECTOR_INITIAL, text.charCodeAt(i))) return 0;
  for (const word of CONNECTORS_AHEAD) {
    if (!text.startsWith(word, i) || text.charCodeAt(i + word.length) !== 32) continue;
    let end = i + word.length;
    while (text.charCodeAt(end) === 32) end++;
    return end - i;
  }
  return 0;
}

/** - . ’ ' inside a name ("Al-Hayat", "St.", "O’Brien"). */
function isNameJoiner(code: number): boolean {
  return code === 45 || code === 46 || code === 0x2019 || code === 39;
}

/** Stops an unknown run before a known name inside it ("Minister Lavrov" is handled by the KB). */
function trimRunToKnown(text: string, start: number, end: number, kb: KnowledgeBase): number {
  const words = /[\p{L}\p{N}]+/gu;
  const slice = text.slice(start, end);
  let m: RegExpExecArray | null;
  while ((m = words.exec(slice))) {
    if (m.index > 0 && kb.namesStartingWith(m[0]).some((n) => text.startsWith(n, start + m!.index))) {
      return start + slice.slice(0, m.index).trimEnd().length;
    }
  }
  return end;
}
