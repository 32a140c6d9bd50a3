/**
 * The name recognizer: every capitalised name in running text gets a span and a kind, whether or not the
 * knowledge base knows it. It reads runs of capitalised words ("Foreign Ministry spokeswoman", "Armen
 * Grigoryan", "Bank of Georgia"), cuts titles off people's names, and weighs the evidence around each name:
 *
 * - words inside the run: organisation words (Ministry, Party, Ltd), place words (Avenue, Region), event words;
 * - the gazetteer (countries, cities, regions, international bodies);
 * - given names and surname endings (Armen …, …yan, …shvili);
 * - words around the run: a title before it ("spokeswoman X"), a region word after it ("Sughd region"),
 *   an appositive (", the parliament speaker,"), a speech verb ("X said"), a place preposition ("in X");
 * - the whole document: a name typed once keeps its kind for later and shorter mentions ("Armen Grigoryan …
 *   Grigoryan"), and one name keeps one kind.
 *
 * Knowledge-base mentions (found first by `findEntityMentions`) are kept as they are, except where an
 * organisation's full name takes them in ("Russian Foreign Ministry", "Bank of Russia").
 */
import words from '../data/names.json';
import givenNames from '../data/given-names.json';
import { COMMON_WORDS, EITHER_NAMES, FEMALE_NAMES, MALE_NAMES } from './nameWordSets';
import cues from '../data/cues.json';
import surnameEndings from '../data/surname-endings.json';
import wideNames from '../data/wide-names.json';
import type { Gazetteer } from '../kb/gazetteer';
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { EntityMention, MentionKind, Span } from '../types';
import { isUpperCaseAt, isWhitespace, isWordCodeAt } from '../text/chars';
import { upperBound } from '../text/search';
import { SortedNameList } from '../text/sortedNames';
import { hashOf, hashStep, WordTable } from '../text/wordTable';
import { applyNameModel } from './learnedNames';
import { decideKinds, kindFeatures } from './kindModel';
import { activeKindModel } from './learnedKinds';

const FUNCTION_WORDS = new Set(words.functionWords);
const COMMON_CAPITALISED = new Set(words.commonCapitalised);
const TITLE_WORDS = new Set(words.titleWords);
const TITLE_WORDS_NOT_ALONE = new Set(words.titleWordsNotAlone);
const ORG_WORDS = new Set(words.orgWords);
const ORG_PREFIXES = new Set(words.orgPrefixes);
const PLACE_WORDS = new Set(words.placeWords);
const EVENT_WORDS = new Set(words.eventWords);
const EVENT_STARTS = new Set(words.eventsMustStartWith);
const PLACE_AFTER = new Set(words.placeWordsAfter);
const PLACE_PREPOSITIONS = new Set(words.placePrepositions);
const PERSON_BEFORE = new Set(words.personTitlesBefore);
const APPOSITIVE_NOUNS = new Set(words.appositiveNouns);
const VERBS_AFTER_NAME = new Set(words.speechVerbsAfterName);
/** "was", "met", "signed": a person's verbs, but an organisation's too; they count only for names made of no common words. */
const GENERIC_VERBS_AFTER_NAME = new Set(words.genericVerbsAfterName);
const SPEECH_AFTER = new Set(cues.speechVerbs.filter((v) => !v.includes(' ')));
const SKIPPED_BEFORE_VERB = /^(?:also|then|later|earlier|again|once|still|has|had|have|was|is|will|would|could|did|does|\p{Ll}+ly)$/u;
const CONNECTORS = new Set(words.nameConnectors);
const ORG_NOUNS_BEFORE = new Set(words.orgNounsBefore);
const ORG_NOUNS_AFTER = new Set(words.orgNounsAfter);
/** ", a Seattle-based company", ", the band": an appositive whose head says the name is an organisation. */
const ORG_APPOSITIVE_NOUNS = new Set(words.orgAppositiveNouns);
/** "X's chief executive", "X's shareholders": what only an organisation has. */
const ORG_POSSESSIONS = words.orgPossessions;
const DATE_WORDS = new Set(words.datesAfterNames);
const ABBREVIATIONS = new Set(words.abbreviationsWithDot);
const PLACE_NOUNS_BEFORE_OF = new Set(words.placeNounsBeforeOf);
const MEDIA_VERBS_AFTER = new Set(words.mediaVerbsAfterName);
const ADJECTIVE_ENDINGS = words.adjectiveEndings;
/** Given names that are also English words ("Mark", "Frank", "Dawn"): a given name only before an unlisted surname. */
const GIVEN_NAMES_ALSO_WORDS = new Set<string>(givenNames.alsoWords);
const PLACE_UNITS_BEFORE_OF = new Set(words.placeUnitsBeforeOf);
/**
 * Wide lists (`wide-names.json`: given names from Wikidata and open name lists, towns from GeoNames that the
 * gazetteer leaves out). Noisier than the main lists, so they only type a name nothing else types.
 */
const WIDE_GIVEN_NAMES = new SortedNameList(wideNames.givenNames);
const WIDE_TOWNS = new SortedNameList(wideNames.towns);
const PERSON_VERBS_BEFORE_BY = new Set(words.personVerbsBeforeBy);
/** "Star", "Sun", "Independent": words newspapers take as a name after a place ("Toronto Star", "Kyiv Independent"). */
const MASTHEADS_AFTER_PLACE = new Set(words.mastheadsAfterPlace);
/** "Lake Erie", "Mount Sinjar", "Fort Lee", "Port of Liverpool": words that open a place's name. */
const PLACE_PREFIXES = new Set(words.placePrefixes);

/** Surname endings as written in the data file: a plain string, or `{ ending, weak }` for one that ordinary words share too. */
type EndingEntry = string | { ending: string; weak?: boolean };
const STRONG_SURNAME_ENDINGS: string[] = [];
for (const list of [surnameEndings.male, surnameEndings.female, surnameEndings.either] as EndingEntry[][]) {
  for (const e of list) if (typeof e === 'string' ? e.length >= 3 : !e.weak && e.ending.length >= 3) STRONG_SURNAME_ENDINGS.push(typeof e === 'string' ? e : e.ending);
}

export type Gender = 'male' | 'female';

/** The gender a given name implies, if the data says. */
export function genderOfGivenName(name: string): Gender | undefined {
  if (MALE_NAMES.has(name)) return 'male';
  if (FEMALE_NAMES.has(name)) return 'female';
  return undefined;
}

export function isGivenName(word: string): boolean {
  return MALE_NAMES.has(word) || FEMALE_NAMES.has(word) || EITHER_NAMES.has(word);
}

const GENDERED_ENDINGS: { ending: string; gender: Gender }[] = [];
for (const gender of ['male', 'female'] as const) {
  for (const e of surnameEndings[gender] as EndingEntry[]) if (typeof e !== 'string' && !e.weak) GENDERED_ENDINGS.push({ ending: e.ending, gender });
}
GENDERED_ENDINGS.sort((a, b) => b.ending.length - a.ending.length); // "-ova" before "-ov"

/** The gender a surname's ending marks in the region's naming (Ivanova, Aliyeva: female), if it marks one. */
export function genderOfSurname(word: string): Gender | undefined {
  const lower = word.toLowerCase();
  return GENDERED_ENDINGS.find((e) => lower.endsWith(e.ending) && lower.length >= e.ending.length + 2)?.gender;
}

/** Two-letter endings that mark a surname only in a full name ("Maqsadjon Atamov"), never a word alone ("Kirov"). */
const SHORT_SURNAME_ENDINGS: string[] = [];
for (const list of [surnameEndings.male, surnameEndings.female, surnameEndings.either] as EndingEntry[][]) {
  for (const e of list) if (typeof e === 'string' ? e.length === 2 : !e.weak && e.ending.length === 2) SHORT_SURNAME_ENDINGS.push(typeof e === 'string' ? e : e.ending);
}

function hasShortSurnameEnding(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.length >= 5 && SHORT_SURNAME_ENDINGS.some((e) => lower.endsWith(e));
}

function hasSurnameEnding(word: string): boolean {
  if (word.length < 5) return false;
  const lower = word.toLowerCase();
  return STRONG_SURNAME_ENDINGS.some((e) => lower.endsWith(e) && lower.length > e.length + 1);
}

export interface NameInput {
  readonly text: string;
  readonly paragraphs: readonly Span[];
  /** Mentions of knowledge-base entities and demonyms, sorted by start. */
  readonly known: readonly EntityMention[];
  /** Where capitalised words may start (`scanMarks`). */
  readonly nameStarts: readonly number[];
  readonly kb: KnowledgeBase;
  readonly gazetteer: Gazetteer;
}

interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly capital: boolean;
}

/** A decided name before the document pass; `strong` evidence may re-type weaker mentions of the same words. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  why: string;
  strong: boolean;
  ref?: string;
  via: 'gazetteer' | 'context' | 'document' | 'name' | 'alias' | 'model';
  name?: string;
  /** Set when the candidate extends a knowledge-base mention ("Aleksander" + "Lukashenka"). */
  id?: string;
  /** The part of an organisation's name a document may use alone for it ("Bruins" for "Boston Bruins"). */
  shortName?: string;
}

/** More capitalised words than this in one run are a headline, not a name. */
const MAX_RUN_WORDS = 10;
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:[-‐’'.][\p{L}\p{M}\p{N}]+)*/uy;

/**
 * What the run reader found in one paragraph, before the document pass.
 *
 * Paragraph-local on purpose: it reads only the paragraph's text, the knowledge-base mentions that start in
 * it, the name starts in it, the KB and the gazetteer. So the same paragraph with the same mentions gives the
 * same result wherever it stands (offsets aside), and an incremental analysis may keep it between versions of
 * a document for the paragraphs an edit did not touch. Anything that needs the rest of the document (one name,
 * one kind; other occurrences; widening known names) belongs in `resolveNames`.
 */
export interface ParagraphNames {
  /** Names decided in the paragraph, sorted by start; never changed afterwards (the document pass copies). */
  readonly candidates: readonly Candidate[];
  /** Indices into the paragraph's known mentions of those a longer name took in ("Bank of Russia" takes "Russia"). */
  readonly absorbed: readonly number[];
}

/**
 * The run reader over one paragraph. `known`: the KB mentions starting in the paragraph, sorted by start;
 * `firstStart`: the index in `input.nameStarts` of the first name start at or after the paragraph's start.
 */
export function readParagraphNames(input: NameInput, paragraph: Span, known: readonly EntityMention[], firstStart: number): ParagraphNames {
  const { text, nameStarts } = input;
  const candidates: Candidate[] = [];
  const absorbed = new Set<EntityMention>();
  let knownIndex = 0;
  let resumeAt = 0;
  let headline: boolean | undefined; // the headline test, made for the first run that needs it
  for (let s = firstStart; s < nameStarts.length; s++) {
    const start = nameStarts[s];
    if (start >= paragraph.end) break;
    if (start < resumeAt || !isUpperCaseAt(text, start)) continue;
    while (knownIndex < known.length && known[knownIndex].end <= start) knownIndex++;
    // Most capitalised words in news are knowledge-base names standing alone ("Putin said"): nothing to read.
    const here = known[knownIndex];
    if (here && here.start === start && !continuesRun(text, here.end, paragraph.end)) {
      resumeAt = here.end;
      continue;
    }
    const run = readRun(text, start, paragraph.end);
    resumeAt = run.length ? run[run.length - 1].end : start + 1;
    if (run.length === 0) continue;
    const inRun: EntityMention[] = [];
    for (let k = knownIndex; k < known.length && known[k].start < resumeAt; k++) inRun.push(known[k]);
    if (isShouting(run)) {
      if (start === paragraph.start && inRun.length === 0) shoutedPlace(input, run, candidates);
      continue;
    }
    headline ??= isHeadline(text, paragraph);
    if (headline || run.filter((w) => w.capital).length > MAX_RUN_WORDS) continue;
    const sentenceInitial = startsSentence(text, start, paragraph.start);
    classifyRun({ input, run, known: inRun, sentenceInitial, paragraph }, candidates, absorbed);
  }
  candidates.sort((a, b) => a.start - b.start);
  const absorbedIndices: number[] = [];
  if (absorbed.size) for (let k = 0; k < known.length; k++) if (absorbed.has(known[k])) absorbedIndices.push(k);
  return { candidates, absorbed: absorbedIndices };
}

/**
 * The document pass: widens known names, gives one name one kind across the document, finds the other
 * occurrences of typed names, and lets the name model (when on) decide the unsure ones. `found[i]` is
 * `readParagraphNames` for `input.paragraphs[i]`.
 */
export function resolveNames(input: NameInput, found: readonly ParagraphNames[]): EntityMention[] {
  const { paragraphs, known } = input;
  const candidates: Candidate[] = [];
  const absorbed = new Set<EntityMention>();
  let k = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    while (k < known.length && known[k].start < paragraphs[i].start) k++;
    for (const c of found[i].candidates) candidates.push(c);
    for (const a of found[i].absorbed) absorbed.add(known[k + a]);
  }
  extendKnownNames(input, candidates, absorbed);
  const resolved = applyDocumentEvidence(input, candidates);
  const kept = absorbed.size ? known.filter((m) => !absorbed.has(m)) : known;
  // Names typed on strong evidence (or after one in the document pass) stand; the model decides the rest.
  const firm = new Set<EntityMention>();
  const mentions = resolved.map((c) => {
    const m = toMention(c);
    if (c.strong || c.via === 'document' || c.via === 'gazetteer') firm.add(m);
    return m;
  });
  return applyNameModel(input, mergeSorted(kept, mentions), firm);
}

/**
 * Whether a run could go on after `end`: a space and then a capital or a connector ("Bank of …"), or a
 * hyphen or apostrophe joining more letters. Measured: skipping the run reader for a known name that stands
 * alone took about a tenth off the recognizer on the seed corpus.
 */
function continuesRun(text: string, end: number, limit: number): boolean {
  if (end >= limit) return false;
  const next = text.charCodeAt(end);
  if (next === 45 || next === 0x2010 || next === 0x2019 || next === 39 || next === 46) return true; // - ‐ ’ ' .
  if (next !== 32 && next !== 0xa0) return false;
  let i = end + 1;
  while (i < limit && text.charCodeAt(i) === 32) i++;
  if (i >= limit) return false;
  if (isUpperCaseAt(text, i)) return true;
  let j = i;
  while (j < limit && j - i < 4 && isWordCodeAt(text, j, text.charCodeAt(j))) j++;
  return CONNECTORS.has(text.slice(i, j));
}

/** Capitalised words from `start`, with connectors between them ("Bank of Georgia"); stops at punctuation. */
function readRun(text: string, start: number, limit: number): Word[] {
  const run: Word[] = [];
  let i = start;
  let pending: Word[] = []; // connectors read since the last capitalised word ("of the")
  let possessiveInside = false;
  while (i < limit) {
    WORD_RE.lastIndex = i;
    const m = WORD_RE.exec(text);
    if (!m || m.index !== i) break;
    let end = i + m[0].length;
    if (end > limit) end = limit;
    let word = text.slice(i, end);
    const capital = isUpperCaseAt(text, i);
    if (capital && isAdjectiveCompound(word)) break;
    // Initials and abbreviations keep their dot ("V.", "St.", "Co."); a sentence's last word does not.
    let stop = false;
    if (text.charCodeAt(end) === 46 && capital && (word.length <= 3 || /\.\p{L}$/u.test(word)) && !isSentenceEndAfter(text, end + 1, limit, word)) {
      end++;
      word += '.';
    }
    // A possessive ends the name ("Putin’s government"), unless a title's or common word's possessive opens
    // an organisation's name ("Prosecutor-General’s Office", "People’s Assembly").
    const possessive = endsInPossessive(word);
    if (possessive) {
      const stem = word.slice(0, -2);
      if (capital && (TITLE_WORDS.has(stem) || COMMON_CAPITALISED.has(stem)) && ORG_WORDS.has(nextWord(text, end, limit))) {
        possessiveInside = true;
      } else {
        word = stem;
        end -= 2;
        stop = true;
      }
    }
    if (capital) {
      run.push(...pending);
      pending = [];
      run.push({ start: i, end, text: word, capital: true });
    } else if (run.length > 0 && pending.length < 2 && CONNECTORS.has(word)) {
      pending.push({ start: i, end, text: word, capital: false });
    } else break;
    if (stop) break;
    // The next word must follow after plain spaces (a comma, dash or quote mark ends the run).
    let j = possessive && !possessiveInside ? end + 2 : end;
    possessiveInside = false;
    if (j >= limit || (text.charCodeAt(j) !== 32 && text.charCodeAt(j) !== 0xa0)) break;
    while (j < limit && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)) j++;
    i = j;
  }
  return run;
}

function endsInPossessive(word: string): boolean {
  const n = word.length;
  if (n < 3 || word.charCodeAt(n - 1) !== 115) return false; // s
  const mark = word.charCodeAt(n - 2);
  return mark === 0x2019 || mark === 39;
}

/** "Russian-backed", "Soviet-era", "Moscow-led": a name joined to a lower-case word is an adjective. */
function isAdjectiveCompound(word: string): boolean {
  if (word.indexOf('-') < 0 && word.indexOf('‐') < 0) return false;
  const parts = word.split(/[-‐]/);
  return parts.length > 1 && parts.slice(1).some((p) => p.length >= 3 && /^\p{Ll}/u.test(p));
}

/** The word starting after the spaces at `end` (letters only), or "". */
function nextWord(text: string, end: number, limit: number): string {
  let i = end;
  while (i < limit && text.charCodeAt(i) === 32) i++;
  let j = i;
  while (j < limit && /\p{L}/u.test(text.charAt(j))) j++;
  return text.slice(i, j);
}

/**
 * A title-case line with no sentence punctuation at its end ("Yushchenko Supporters Rejoice At Parliament
 * Vote") capitalises every word, so capitals say nothing there: only known and gazetteer names count.
 */
function isHeadline(text: string, paragraph: Span): boolean {
  const line = text.slice(paragraph.start, paragraph.end).trim();
  // A few words with no sentence punctuation ("More from World", "SIGN UP No Thanks") are page chrome.
  if (line.length <= 40 && !/[.!?:;,"“”«»]/.test(line)) return true;
  if (/[.!?:;,”"»)]$/.test(line) || line.length > 200) return false;
  const all = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (all.length < 4) return false;
  const capitalised = all.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / all.length >= 0.75;
}

/** Whether a dot after `word` ends the sentence: another capitalised sentence follows, or the paragraph ends. */
function isSentenceEndAfter(text: string, from: number, limit: number, word: string): boolean {
  if (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word)) return false; // an initial or "St.", "Co."…
  if (/\.\p{L}$/u.test(word)) return false; // U.S, U.K
  let i = from;
  while (i < limit && isWhitespace(text.charCodeAt(i))) i++;
  return i >= limit || isUpperCaseAt(text, i) || /["“‘]/.test(text.charAt(i));
}

/** A run in capitals ("MOSCOW", "BREAKING NEWS") is a dateline or banner: the known matcher handles those. */
function isShouting(run: readonly Word[]): boolean {
  return run.every((w) => !w.capital || (w.text.length >= 2 && w.text === w.text.toUpperCase() && /\p{L}{3,}/u.test(w.text) && !/\./.test(w.text))) && run.some((w) => w.text.length >= 5);
}

function startsSentence(text: string, start: number, floor: number): boolean {
  let i = start - 1;
  while (i >= floor && isWhitespace(text.charCodeAt(i))) i--;
  if (i < floor) return true;
  const c = text.charAt(i);
  if ('.!?:;|—–-•*#>'.includes(c)) return true;
  // An opening quote mark: “Our position …
  return '“"«„‘\'('.includes(c) && (i === floor || isWhitespace(text.charCodeAt(i - 1)) || '(“"«—–-'.includes(text.charAt(i - 1)));
}

interface RunContext {
  readonly input: NameInput;
  readonly run: Word[];
  /** Known mentions that start inside the run. */
  readonly known: readonly EntityMention[];
  readonly sentenceInitial: boolean;
  readonly paragraph: Span;
}

function classifyRun(ctx: RunContext, out: Candidate[], absorbed: Set<EntityMention>): void {
  let run = ctx.run;
  let sentenceInitial = ctx.sentenceInitial;
  // Sentence openers and other function words are not part of a name ("In Gyumri", "But Lavrov").
  while (run.length && (FUNCTION_WORDS.has(run[0].text) || !run[0].capital || (sentenceInitial && COMMON_CAPITALISED.has(run[0].text) && run.length > 1 && !isNameHead(run)))) {
    run = run.slice(1);
    sentenceInitial = false;
  }
  // "Trend Apr. 8", "Andijon on Friday": a date after a name is not part of it.
  while (run.length && (!run[run.length - 1].capital || DATE_WORDS.has(run[run.length - 1].text.replace(/\.$/, '')))) run = run.slice(0, -1);
  if (!run.length) return;

  // "Armenia and Azerbaijan", "Lukashenko and Putin": two names, unless "and" is inside an organisation's name.
  const and = run.findIndex((w) => w.text === 'and' || w.text === '&');
  if (and > 0 && !isWholeKnownOrGazetteer(ctx, run) && !isAndInsideName(ctx, run, and)) {
    classifyRun({ ...ctx, run: run.slice(0, and), sentenceInitial }, out, absorbed);
    classifyRun({ ...ctx, run: run.slice(and + 1), sentenceInitial: false }, out, absorbed);
    return;
  }
  if (splitTitle(ctx, run, sentenceInitial, out, absorbed)) return;
  classifyName(ctx, run, sentenceInitial, out, absorbed);
}

/**
 * "Ministry of Trade and Integration": "and" inside one organisation's name, which the part after it does not
 * name on its own (no organisation word, no "the", nothing known or in the gazetteer).
 */
function isAndInsideName(ctx: RunContext, run: Word[], and: number): boolean {
  const after = run.slice(and + 1);
  return hasOrgWord(run.slice(0, and)) && !hasOrgWord(after) && after[0]?.text !== 'the' && !hasKnownAt(ctx, after[0]?.start) && !isWholeKnownOrGazetteer(ctx, after);
}

/**
 * Where a person's name starts after an organisation's ("Party of Communists Vladimir Voronin"): a given name
 * followed by one to three capitalised words that end the run; 0 when there is none.
 */
function memberAfterOrganization(run: readonly Word[]): number {
  const lastOrg = run.map((w) => ORG_WORDS.has(w.text)).lastIndexOf(true);
  for (let k = lastOrg + 1; k < run.length - 1; k++) {
    const tail = run.slice(k);
    if (tail.length <= 4 && tail.every((w) => w.capital) && isGivenName(run[k].text)) return k;
  }
  return 0;
}

/** A run that opens with a common capitalised word can still be a name when that word heads one ("State Duma", "Central Bank"). */
function isNameHead(run: readonly Word[]): boolean {
  const next = run[1]?.text ?? '';
  return ORG_WORDS.has(next) || PLACE_WORDS.has(next) || EVENT_WORDS.has(next);
}

/**
 * "Foreign Minister Ararat Mirzoyan", "Secretary General Imangali Tasmagambetov", "Gazprom CEO Alexei Miller":
 * the title is never part of the person's name. Returns true when the run was a title and a name.
 */
function splitTitle(ctx: RunContext, run: Word[], sentenceInitial: boolean, out: Candidate[], absorbed: Set<EntityMention>): boolean {
  let t = -1;
  for (let i = run.length - 2; i >= 0; i--) {
    if (isTitleWord(run, i)) { t = i; break; }
  }
  if (t < 0) return false;
  let nameStart = t + 1;
  // "Prime Minister of Armenia Nikol Pashinyan": the title's "of X" is not the name.
  if (run[nameStart]?.text === 'of') {
    nameStart++;
    if (run[nameStart]?.text === 'the') nameStart++;
    const knownAfter = ctx.known.find((m) => m.start === run[nameStart]?.start);
    if (knownAfter) while (nameStart < run.length && run[nameStart].start < knownAfter.end) nameStart++;
    else nameStart++; // one unknown word: "Minister of Economy Ivan Petrov"
    // "the Prosecutor General of the Russian Federation": a title and a known name, no person.
    if (nameStart >= run.length) return knownAfter !== undefined;
  }
  const name = run.slice(nameStart);
  if (name.length === 0 || name.length > 4 || hasOrgWord(name) || !name.every(isPartOfPersonName)) return false;
  if (name.every((w) => TITLE_WORDS.has(w.text))) return false;
  const title = run.slice(0, t + 1);
  // What stands before the title words is who the title is with ("Gazprom", "Kremlin", "Foreign Ministry").
  const firstTitle = title.findIndex((w, i) => isTitleWord(title, i) || TITLE_WORDS_NOT_ALONE.has(w.text) || TITLE_WORDS.has(w.text));
  if (firstTitle > 0) {
    const affiliation = trimConnectors(title.slice(0, firstTitle));
    if (affiliation.length) classifyAffiliation(ctx, affiliation, sentenceInitial, out, absorbed);
  }
  addPerson(ctx, name, `after the title “${title.slice(Math.max(0, firstTitle)).map((w) => w.text).join(' ')}”`, out);
  return true;
}

function trimConnectors(run: Word[]): Word[] {
  let s = 0;
  let e = run.length;
  while (s < e && !run[s].capital) s++;
  while (e > s && !run[e - 1].capital) e--;
  return run.slice(s, e);
}

/** A title word that can stand before a name on its own ("Minister", "General"), not only inside a longer title ("Foreign"). */
function isTitleWord(run: readonly Word[], i: number): boolean {
  const w = run[i].text;
  // "Major-General", "Vice-Speaker": every part a title word.
  if (w.includes('-') && !TITLE_WORDS.has(w)) return w.split('-').every((part) => TITLE_WORDS.has(part)) && w.split('-').some((part) => !TITLE_WORDS_NOT_ALONE.has(part));
  return TITLE_WORDS.has(w) && !TITLE_WORDS_NOT_ALONE.has(w);
}

/** Words before a title: an organisation or place the person belongs to. */
function classifyAffiliation(ctx: RunContext, run: Word[], sentenceInitial: boolean, out: Candidate[], absorbed: Set<EntityMention>): void {
  const before = out.length;
  classifyName(ctx, run, sentenceInitial, out, absorbed);
  if (out.length > before) return;
  // "Gazprom CEO", "Naftogaz chief": an unknown single word before a role is the organisation the role is in.
  if (run.length === 1 && !ctx.known.some((m) => m.start === run[0].start) && !COMMON_CAPITALISED.has(run[0].text) && !FUNCTION_WORDS.has(run[0].text) && !isGivenName(run[0].text)) {
    out.push(candidate(ctx.input.text, run, 'organization', 'before a title', false, 'context'));
  }
}

function addPerson(ctx: RunContext, name: Word[], why: string, out: Candidate[]): void {
  // A known name there ("President Vladimir Putin") is the knowledge base's mention.
  const start = name[0].start;
  const end = name[name.length - 1].end;
  if (ctx.known.some((m) => m.start < end && start < m.end)) return;
  out.push(candidate(ctx.input.text, name, 'person', why, true, 'context'));
}

/** Particles inside people's names ("Charles de Gaulle", "Osama bin Laden") are lower-case but part of them. */
const NAME_PARTICLES = new Set(['de', 'al', 'bin', 'ibn', 'van', 'von']);

function isPartOfPersonName(w: Word): boolean {
  return w.capital || NAME_PARTICLES.has(w.text);
}

function classifyName(ctx: RunContext, run: Word[], sentenceInitial: boolean, out: Candidate[], absorbed: Set<EntityMention>): void {
  const { text } = ctx.input;
  const whole = isWholeKnown(ctx, run);
  if (whole) return; // the knowledge base already named it
  const nameText = text.slice(run[0].start, run[run.length - 1].end);
  const knownInside = ctx.known.filter((m) => m.start >= run[0].start && m.end <= run[run.length - 1].end);

  if (run.length === 1 && isPlaceAdjectiveBeforeNoun(ctx, run[0])) return; // "its Baltic neighbors", "Chechen territory"
  const gazetteerHit = ctx.input.gazetteer.lookup(nameText);
  if (gazetteerHit && !knownInside.length && !isPersonNamedLikePlace(ctx, run, gazetteerHit.type)) {
    out.push({ ...candidate(text, run, gazetteerHit.kind, gazetteerHit.ref ? `gazetteer: ${gazetteerHit.ref}` : 'in the gazetteer', true, 'gazetteer'), ref: gazetteerHit.ref ?? undefined });
    return;
  }
  if (isEventName(run)) {
    absorb(knownInside, absorbed);
    out.push(candidate(text, run, 'event', `“${run[run.length - 1].text}” in the name`, true, 'context'));
    return;
  }
  const orgWord = run.find((w) => ORG_WORDS.has(w.text) && !(w === run[0] && run.length === 1));
  if (orgWord && isOrganizationShape(run, orgWord)) {
    // "Bright Armenia Party Arkady Khachatryan": a party, then its member.
    const member = memberAfterOrganization(run);
    if (member > 0) {
      classifyName(ctx, trimConnectors(run.slice(0, member)), sentenceInitial, out, absorbed);
      out.push(candidate(text, run.slice(member), 'person', `“${run[member].text}” is a given name`, true, 'context'));
      return;
    }
    absorb(knownInside, absorbed);
    out.push({ ...candidate(text, run, 'organization', `“${orgWord.text}” in the name`, true, 'context'), shortName: partyShortName(text, run) });
    return;
  }
  const placeWord = run.find((w, i) => i > 0 && PLACE_WORDS.has(w.text));
  if (placeWord) {
    absorb(knownInside, absorbed);
    out.push(candidate(text, run, 'place', `“${placeWord.text}” in the name`, true, 'context'));
    return;
  }
  // "Lake Erie", "Mount Sinjar", "Fort Lee", "Port of Liverpool": a place word opening the name (after the
  // organisation and place words above, so "Port Authority" stays an organisation).
  if (run.length >= 2 && run.length <= 4 && PLACE_PREFIXES.has(run[0].text) && run[run.length - 1].capital && (run[1].capital || run[1].text === 'of')) {
    absorb(knownInside, absorbed);
    out.push(candidate(text, run, 'place', `“${run[0].text}” opens the name`, false, 'context'));
    return;
  }
  // "West Jersey", "East Perth", "North Vancouver": a compass point before a place names a part of it.
  if (run.length === 2 && COMPASS_POINTS.has(run[0].text) && isPlaceName(ctx, [run[1]], knownInside)) {
    absorb(knownInside, absorbed);
    out.push(candidate(text, run, 'place', `“${run[0].text}” before a place`, true, 'context'));
    return;
  }
  // "Boston Braves", "Buffalo Bisons", "Montreal Crystals": a city, then a plural name, is a team or a company.
  if (isCityThenPlural(ctx, run, knownInside)) {
    absorb(knownInside, absorbed);
    out.push({ ...candidate(text, run, 'organization', `a city, then “${run[run.length - 1].text}”`, true, 'context'), shortName: teamNickname(ctx, run, knownInside) });
    return;
  }
  // "Toronto Star", "Edmonton Sun", "Kyiv Independent": a place, then a newspaper's word, is the newspaper.
  if (isPlaceThenMasthead(ctx, run, knownInside)) {
    absorb(knownInside, absorbed);
    out.push(candidate(text, run, 'organization', `a place, then “${run[run.length - 1].text}”`, true, 'context'));
    return;
  }
  // "City of Brampton", "State of Texas", "Province of Ontario": a unit word, "of", and a name.
  if (run.length >= 3 && PLACE_UNITS_BEFORE_OF.has(run[0].text) && run[1].text === 'of' && run.slice(2).some((w) => w.capital && !COMMON_WORDS.has(w.text.toLowerCase()))) {
    absorb(knownInside, absorbed);
    out.push(candidate(text, run, 'place', `“${run[0].text} of” before the name`, true, 'context'));
    return;
  }
  // After a title ("opposition leader Said Abdullo Nuri") the whole run is the name: no role inside it.
  const titleBefore = PERSON_BEFORE.has(wordBefore(text, run[0].start, ctx.paragraph.start)?.toLowerCase() ?? '');
  const roleEnd = knownInside.length || titleBefore ? 0 : personAfterCommonWords(run);
  if (roleEnd > 0) {
    out.push(candidate(text, run.slice(roleEnd), 'person', `“${run[roleEnd].text}” is a given name`, true, 'context'));
    return;
  }
  // Known names inside an unknown run that is not an organisation: classify the unknown pieces on their own.
  if (knownInside.length) {
    for (const piece of piecesOutside(run, knownInside)) {
      if (piece.length < run.length) classifyName(ctx, piece, piece[0] === run[0] && sentenceInitial, out, absorbed);
    }
    return;
  }
  if (run.every((w) => !w.capital || COMMON_CAPITALISED.has(w.text) || FUNCTION_WORDS.has(w.text) || TITLE_WORDS.has(w.text))) return;
  if (isDemonym(ctx, run)) return;
  const evidence = contextEvidence(ctx, run, sentenceInitial);
  if (evidence) out.push(candidate(ctx.input.text, run, evidence.kind, evidence.why, evidence.strong, 'context'));
}

/**
 * Towns named after people (Kirov, Pushkin) and given names that are cities (Hassan, Sofia): a one-word
 * city reads as a person when a title stands before it or a speech verb after it, or when it is a given name
 * with no place preposition before it.
 */
function isPersonNamedLikePlace(ctx: RunContext, run: readonly Word[], type: string | undefined): boolean {
  if (run.length !== 1 || type !== 'city') return false;
  const { text } = ctx.input;
  const before = wordBefore(text, run[0].start, ctx.paragraph.start)?.toLowerCase();
  const after = wordAfter(text, run[0].end, ctx.paragraph.end);
  if (before && PLACE_PREPOSITIONS.has(before)) return false;
  return (before !== undefined && PERSON_BEFORE.has(before)) || (after !== undefined && SPEECH_AFTER.has(after)) || isGivenName(run[0].text);
}

/** Endings of adjectives made from place names ("Baltic", "Caspian"); "-an" alone is too common in names ("Japan"). */
const PLACE_ADJECTIVE_ENDINGS = ADJECTIVE_ENDINGS.filter((ending) => ending !== 'an');

/**
 * An adjective made from a place's name, before the noun it describes ("its Baltic neighbors", "Chechen territory"):
 * no name, as demonyms are not. Known as an adjective because a gazetteer place takes it as a short alias with an
 * adjective's ending ("Baltic" of the Baltic states), or a place is named "<word> Republic" ("Chechen Republic").
 */
function isPlaceAdjectiveBeforeNoun(ctx: RunContext, word: Word): boolean {
  const { text, gazetteer, kb } = ctx.input;
  const after = wordAfter(text, word.end, ctx.paragraph.end);
  if (!after || VERBS_AFTER_NAME.has(after) || GENERIC_VERBS_AFTER_NAME.has(after)) return false;
  const alias = gazetteer.lookup(word.text);
  // Not a town's other spelling ("Abovian" of Abovyan, "Xian"): only a sea's or a region's short name.
  if (alias) return alias.type !== 'city' && alias.name !== word.text && PLACE_ADJECTIVE_ENDINGS.some((e) => word.text.endsWith(e));
  if (kb.lookupName(word.text).length) return false; // "Nagorno-Karabakh Republic": the word alone is the place
  const republic = `${word.text} Republic`;
  return gazetteer.lookup(republic)?.kind === 'place' || kb.lookupName(republic).some((hit) => hit.entity.kind === 'place' || hit.entity.kind === 'country');
}

function absorb(mentions: readonly EntityMention[], absorbed: Set<EntityMention>): void {
  for (const m of mentions) absorbed.add(m);
}

function isWholeKnown(ctx: RunContext, run: Word[]): boolean {
  return ctx.known.some((m) => m.start <= run[0].start && m.end >= run[run.length - 1].end);
}

function isWholeKnownOrGazetteer(ctx: RunContext, run: Word[]): boolean {
  return isWholeKnown(ctx, run) || ctx.input.gazetteer.lookup(ctx.input.text.slice(run[0].start, run[run.length - 1].end)) !== undefined;
}

function hasKnownAt(ctx: RunContext, offset: number | undefined): boolean {
  return offset !== undefined && ctx.known.some((m) => m.start === offset);
}

function hasOrgWord(run: readonly Word[]): boolean {
  return run.some((w) => ORG_WORDS.has(w.text));
}

function isDemonym(ctx: RunContext, run: Word[]): boolean {
  return run.length === 1 && (ctx.input.kb.lookupDemonym(run[0].text) !== undefined || ctx.input.gazetteer.lookupDemonym(run[0].text) !== undefined);
}

/**
 * An organisation word makes the run an organisation when the name is built around it: "Foreign Ministry",
 * "Bank of Georgia", "Gazprom Neft PJSC". A lone word in the list ("Energy", "Gas") needs a name beside it.
 */
function isOrganizationShape(run: readonly Word[], orgWord: Word): boolean {
  if (run.length === 1) return false;
  const i = run.indexOf(orgWord);
  if (i === run.length - 1) return true;
  return ORG_PREFIXES.has(orgWord.text) || run.slice(i + 1).some((w) => ORG_WORDS.has(w.text)) || run[i + 1]?.text === 'of' || run[i + 1]?.text === 'for' || run[i + 1]?.text === 'on';
}

function isEventName(run: readonly Word[]): boolean {
  if (run.length < 2) return false;
  const last = [...run].reverse().find((w) => w.capital && !/^[IVX]+$/.test(w.text) && !/^\d/.test(w.text));
  return last !== undefined && EVENT_WORDS.has(last.text) && EVENT_STARTS.has(run[0].text);
}

/** "Mikhail Gusman": two or three name words, a listed given name first and no common English word last. */
function isGivenNameThenSurname(run: readonly Word[], capitals: readonly Word[]): boolean {
  const last = capitals[capitals.length - 1].text;
  return capitals.length >= 2 && capitals.length <= 3 && run.every(isPartOfPersonName) && isGivenName(capitals[0].text) && !COMMON_WORDS.has(last.toLowerCase());
}

/** The parts of `run` outside the known mentions, as runs of capitalised words. */
function piecesOutside(run: Word[], inside: readonly EntityMention[]): Word[][] {
  const pieces: Word[][] = [];
  let current: Word[] = [];
  for (const w of run) {
    if (inside.some((m) => w.start < m.end && m.start < w.end)) {
      if (current.length) pieces.push(current);
      current = [];
    } else current.push(w);
  }
  if (current.length) pieces.push(current);
  return pieces.map(trimConnectors).filter((p) => p.length > 0);
}

interface Evidence {
  readonly kind: MentionKind;
  readonly why: string;
  readonly strong: boolean;
}

/** The kind the words around a name give it, or undefined when there is too little to call it a name. */
function contextEvidence(ctx: RunContext, run: Word[], sentenceInitial: boolean): Evidence | undefined {
  const { text } = ctx.input;
  const end = run[run.length - 1].end;
  const capitals = run.filter((w) => w.capital);
  const first = capitals[0].text;
  const last = capitals[capitals.length - 1].text;
  const before = wordBefore(text, run[0].start, ctx.paragraph.start);
  const after = wordAfter(text, end, ctx.paragraph.end);
  const verb = verbAfter(text, end, ctx.paragraph.end); // "Toomey also said" → "said"
  const isAcronym = capitals.length === 1 && /^\p{Lu}{2,6}$/u.test(first);

  if (after && !VERBS_AFTER_NAME.has(after) && capitals.length === 1 && ADJECTIVE_ENDINGS.some((e) => first.endsWith(e)) && !hasSurnameEnding(first)) {
    return undefined; // "the Transnistrian conflict": an adjective, not a name
  }
  if (before && PERSON_BEFORE.has(before.toLowerCase()) && capitals.length <= 4 && !isAcronym) return { kind: 'person', why: `after “${before}”`, strong: true };
  if (after && PLACE_AFTER.has(after) && capitals.length <= 3) return { kind: 'place', why: `before “${after}”`, strong: true };
  // "the TASS news agency Mikhail Gusman": a given name and a surname after an organisation noun are its person.
  if (before && ORG_NOUNS_BEFORE.has(before.toLowerCase()) && capitals.length <= 4 && !isGivenNameThenSurname(run, capitals)) {
    return { kind: 'organization', why: `after “${before}”`, strong: true };
  }
  if (after && ORG_NOUNS_AFTER.has(after) && capitals.length <= 4) return { kind: 'organization', why: `before “${after}”`, strong: true };
  const orgAppositive = orgAppositiveAfter(text, end, ctx.paragraph.end);
  if (orgAppositive && capitals.length <= 5) return { kind: 'organization', why: `described as “${orgAppositive}”`, strong: true };
  const possession = orgPossessionAfter(text, end, ctx.paragraph.end);
  if (possession && capitals.length <= 5) return { kind: 'organization', why: `“’s ${possession}” after it`, strong: true };
  if (capitals.length === 1 && ORG_WORDS.has(first) && before?.toLowerCase() === 'the') return { kind: 'organization', why: `“the ${first}”`, strong: false };
  const personShaped = capitals.length >= 2 && capitals.length <= 4 && run.every(isPartOfPersonName);
  if (personShaped && isGivenName(first)) return { kind: 'person', why: `“${first}” is a given name`, strong: true };
  if (personShaped && capitals.length <= 3 && opensWithGivenNameThatIsAWord(ctx.input, capitals)) return { kind: 'person', why: `“${first}” is a given name before a surname`, strong: true };
  if (personShaped && capitals.length <= 3 && opensWithWideGivenName(ctx.input, capitals)) return { kind: 'person', why: `“${first}” is a given name (wide list) before a surname`, strong: true };
  const byVerb = before === 'by' ? wordBefore(text, run[0].start - 3, ctx.paragraph.start)?.toLowerCase() : undefined;
  if (byVerb && PERSON_VERBS_BEFORE_BY.has(byVerb) && personShaped && capitals.length <= 3 && capitals.every((w) => isPersonalNameWord(ctx.input, w.text))) {
    return { kind: 'person', why: `after “${byVerb} by”`, strong: true };
  }
  if (personShaped && hasSurnameEnding(last)) return { kind: 'person', why: `“${last}” reads as a surname`, strong: true };
  if (personShaped && capitals.length <= 3 && hasShortSurnameEnding(last) && capitals.every((w) => isPersonalNameWord(ctx.input, w.text))) {
    return { kind: 'person', why: `“${last}” reads as a surname after a name`, strong: true };
  }
  if (/^[\p{Lu}]\.$/u.test(first) && capitals.length >= 2) return { kind: 'person', why: 'an initial and a name', strong: true };
  const appositive = appositiveAfter(text, end, ctx.paragraph.end);
  if (appositive && capitals.length <= 4 && !isAcronym) return { kind: 'person', why: `described as “${appositive}”`, strong: true };
  if (verb && VERBS_AFTER_NAME.has(verb) && !isAcronym && (personShaped || (capitals.length === 1 && hasSurnameEnding(first)))) {
    return { kind: 'person', why: `followed by “${verb}”`, strong: personShaped };
  }
  // "Pat Toomey was", but not "Connecticut Lottery was" or "Beautiful Lie is".
  if (after && GENERIC_VERBS_AFTER_NAME.has(after) && personShaped && capitals.every((w) => !COMMON_WORDS.has(w.text.toLowerCase()))) {
    return { kind: 'person', why: `a two-part name followed by “${after}”`, strong: true };
  }
  const owner = before === 'of' ? wordBefore(text, run[0].start - 3, ctx.paragraph.start)?.toLowerCase() : undefined;
  if (owner && PLACE_NOUNS_BEFORE_OF.has(owner) && capitals.length <= 3 && !personShaped) return { kind: 'place', why: `after “${owner} of”`, strong: false };
  if (after && MEDIA_VERBS_AFTER.has(after) && capitals.length <= 3 && !personShaped && !hasSurnameEnding(last)) return { kind: 'organization', why: `followed by “${after}”`, strong: false };
  if (before && PLACE_PREPOSITIONS.has(before.toLowerCase()) && capitals.length <= 3 && !isAcronym && !personShaped) {
    return { kind: 'place', why: `after “${before}”`, strong: false };
  }
  // "Lincolnshire", "Pokrovka", "Kaliningrad"-like: an ending only place names have.
  if (capitals.length === 1 && !isAcronym && PLACE_SUFFIXES.some((e: string) => first.endsWith(e) && first.length > e.length + 2)) {
    return { kind: 'place', why: `“${first}” ends like a place name`, strong: false };
  }
  if (capitals.length === 1 && hasSurnameEnding(first) && !sentenceInitial) return { kind: 'person', why: `“${first}” reads as a surname`, strong: false };
  if (capitals.length === 1 && isGivenName(first) && !sentenceInitial) return { kind: 'person', why: `“${first}” is a given name`, strong: false };
  // "Hassan said", opening a sentence: a name that speaks, kind unknown; "Officials said" is a common word.
  if (sentenceInitial && capitals.length === 1 && verb && SPEECH_AFTER.has(verb) && !COMMON_WORDS.has(first.toLowerCase())) {
    return { kind: 'other', why: `followed by “${verb}”`, strong: false };
  }
  if (isAcronym && !COMMON_CAPITALISED.has(first)) return { kind: 'organization', why: 'an acronym', strong: false };
  if (sentenceInitial && capitals.length === 1) return undefined;
  const nameText = text.slice(run[0].start, end);
  if (capitals.length <= 3 && WIDE_TOWNS.has(nameText)) return { kind: 'place', why: `“${nameText}” is a town (GeoNames)`, strong: false };
  return { kind: 'other', why: 'a capitalised name', strong: false };
}

/**
 * A word that is a name and nothing else: not a common English word, title, organisation, place or date word.
 * "Rathbun", "Catalano"; not "Close", "Design", "Lottery".
 */
function isUnlistedNameWord(word: string): boolean {
  return !COMMON_WORDS.has(word.toLowerCase()) && !TITLE_WORDS.has(word) && !ORG_WORDS.has(word) && !PLACE_WORDS.has(word) &&
    !COMMON_CAPITALISED.has(word) && !FUNCTION_WORDS.has(word) && !DATE_WORDS.has(word) && !/^\p{Lu}{2,}$/u.test(word);
}

/** An unlisted name word that is no place, demonym or knowledge-base name either ("Rathbun", not "Melbourne" or "Jews"). */
function isPersonalNameWord(input: NameInput, word: string): boolean {
  return isUnlistedNameWord(word) && !input.gazetteer.lookup(word) && !input.gazetteer.lookupDemonym(word) &&
    !input.kb.lookupDemonym(word) && input.kb.lookupName(word).length === 0;
}

const COMPASS_POINTS = new Set(['North', 'South', 'East', 'West']);
const PLACE_SUFFIXES = words.placeSuffixes;

/** Whether `part` is a place the gazetteer or the knowledge base knows (a mention inside the run covering it exactly). */
function isPlaceName(ctx: RunContext, part: readonly Word[], knownInside: readonly EntityMention[], cityOnly = false): boolean {
  const start = part[0].start;
  const end = part[part.length - 1].end;
  const known = knownInside.find((m) => m.start === start && m.end === end);
  // "Turkmen Leader", "Georgian Leader": a demonym before a masthead word is a title, not a newspaper.
  if (known?.via === 'demonym') return false;
  if (known) return cityOnly ? known.kind === 'place' : known.kind === 'place' || known.kind === 'country';
  const hit = ctx.input.gazetteer.lookup(ctx.input.text.slice(start, end));
  return hit !== undefined && (cityOnly ? hit.type === 'city' : hit.kind === 'place' || hit.kind === 'country');
}

/** "Boston Braves", "St. Louis Eagles": a city and one or two capitalised words, the last a plural that is no demonym. */
function isCityThenPlural(ctx: RunContext, run: readonly Word[], knownInside: readonly EntityMention[]): boolean {
  if (run.length < 2 || !run.every((w) => w.capital)) return false;
  const last = run[run.length - 1].text;
  if (last.length < 4 || !/\p{Ll}s$/u.test(last) || /(?:ss|us|is)$/.test(last) || COMMON_CAPITALISED.has(last)) return false;
  if (ctx.input.gazetteer.lookupDemonym(last) || ctx.input.kb.lookupDemonym(last)) return false;
  for (let k = 1; k <= 2 && k < run.length; k++) {
    if (run.length - k <= 2 && isPlaceName(ctx, run.slice(0, k), knownInside, true)) return true;
  }
  return false;
}

/** "Toronto Star", "Kansas City Star", "Kyiv Independent": a known place of one or two words, then a masthead word. */
function isPlaceThenMasthead(ctx: RunContext, run: readonly Word[], knownInside: readonly EntityMention[]): boolean {
  const n = run.length;
  if (n < 2 || n > 3 || !MASTHEADS_AFTER_PLACE.has(run[n - 1].text) || !run.every((w) => w.capital)) return false;
  return isPlaceName(ctx, run.slice(0, n - 1), knownInside);
}

/** "Bruins" of "Boston Bruins", "Blue Jays" of "Toronto Blue Jays": the name after the city, which sports pages use alone. */
function teamNickname(ctx: RunContext, run: readonly Word[], knownInside: readonly EntityMention[]): string | undefined {
  const city = isPlaceName(ctx, run.slice(0, 1), knownInside, true) ? 1 : 2;
  if (city >= run.length) return undefined;
  return ctx.input.text.slice(run[city].start, run[run.length - 1].end);
}

/**
 * "Australia First" of "Australia First Party", "Bright Armenia" of "Bright Armenia Party": a party's or
 * movement's name before its last word, which news uses alone. Not when that part is only ordinary words
 * ("Labour", "Popular") or one adjective ("Transnistrian"), which alone mean something else.
 */
function partyShortName(text: string, run: readonly Word[]): string | undefined {
  const n = run.length;
  if (n < 2 || n > 4 || !PARTY_WORDS.has(run[n - 1].text) || !run.every((w) => w.capital)) return undefined;
  const head = run.slice(0, n - 1);
  if (head.some((w) => ORG_WORDS.has(w.text)) || (head.length === 1 && ADJECTIVE_ENDINGS.some((e) => head[0].text.endsWith(e)))) return undefined;
  const name = text.slice(head[0].start, head[head.length - 1].end);
  return isOnlyPlainWords(name) ? undefined : name;
}

/** The last words of a party's or movement's name, which may be left off when the name comes again. */
const PARTY_WORDS = new Set(['Party', 'Movement', 'Bloc', 'Coalition', 'Front']);

/** Compass words open place names ("North Vancouver", "West Seattle"), never a person's. */
const COMPASS_WORDS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'Greater']);

/** "Mark Rathbun", "Frank Catalano": a given name that is also a word, then one or two words that are only names. */
function opensWithGivenNameThatIsAWord(input: NameInput, capitals: readonly Word[]): boolean {
  const first = capitals[0].text;
  return capitals.length >= 2 && GIVEN_NAMES_ALSO_WORDS.has(first) && !COMPASS_WORDS.has(first) && !TITLE_WORDS.has(first) &&
    !ORG_WORDS.has(first) && !PLACE_WORDS.has(first) && !input.gazetteer.lookup(first) &&
    capitals.slice(1).every((w) => isPersonalNameWord(input, w.text) && !/\.$/.test(w.text));
}

/** "Helmut Newton", "Junius Ho": a given name only the wide list holds, then one or two words that are only names. */
function opensWithWideGivenName(input: NameInput, capitals: readonly Word[]): boolean {
  return capitals.length >= 2 && WIDE_GIVEN_NAMES.has(capitals[0].text) && !input.gazetteer.lookup(capitals[0].text) &&
    capitals.slice(1).every((w) => isPersonalNameWord(input, w.text) && !/\.$/.test(w.text));
}

/**
 * "Engineer John Greiner", "County Coroner William McLaughlin": ordinary words (a role the title list lacks)
 * before a person's name that opens with a given name. Returns where the name starts, or 0.
 */
function personAfterCommonWords(run: readonly Word[]): number {
  for (let k = 1; k < run.length - 1 && k <= 3; k++) {
    const name = run.slice(k);
    if (name.length > 3 || !name.every((w) => w.capital) || !isGivenName(run[k].text)) continue;
    if (!name.slice(1).every((w) => !COMMON_WORDS.has(w.text.toLowerCase()) || /^\p{Lu}\.$/u.test(w.text))) continue;
    const role = run.slice(0, k);
    // "Said Abdullo Nuri": a word that is also a given name may open the name itself, so it is no role.
    if (role.every((w) => w.capital && COMMON_WORDS.has(w.text.toLowerCase()) && !ORG_WORDS.has(w.text) && !PLACE_WORDS.has(w.text) && !GIVEN_NAMES_ALSO_WORDS.has(w.text))) return k;
    return 0;
  }
  return 0;
}

/** The word right before `start` in its paragraph (letters only), or undefined when punctuation stands between. */
function wordBefore(text: string, start: number, floor: number): string | undefined {
  let i = start;
  while (i > floor && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 0xa0)) i--;
  if (i === start) return undefined;
  let j = i;
  while (j > floor && /[\p{L}\-.]/u.test(text.charAt(j - 1))) j--;
  return j < i ? text.slice(j, i) : undefined;
}

/** The lower-case word right after `end`, or undefined. */
function wordAfter(text: string, end: number, limit: number): string | undefined {
  let i = end;
  if (text.charCodeAt(i) === 0x2019 || text.charCodeAt(i) === 39) return undefined; // possessive: "Putin’s aide"
  while (i < limit && text.charCodeAt(i) === 32) i++;
  if (i === end) return undefined;
  let j = i;
  while (j < limit && /\p{Ll}/u.test(text.charAt(j))) j++;
  return j > i ? text.slice(i, j) : undefined;
}

/** The verb after a name, past up to three adverbs and auxiliaries ("also", "has", "repeatedly"). */
function verbAfter(text: string, end: number, limit: number): string | undefined {
  let at = end;
  for (let k = 0; k < 4; k++) {
    const word = wordAfter(text, at, limit);
    if (!word || !SKIPPED_BEFORE_VERB.test(word)) return word;
    at = text.indexOf(word, at) + word.length;
  }
  return undefined;
}

/** ", the parliament speaker," / ", 45, a teacher" / ", who …": the noun that describes the name, if it is a person noun. */
function appositiveAfter(text: string, end: number, limit: number): string | undefined {
  if (text.charAt(end) !== ',') return undefined;
  const clause = text.slice(end + 1, Math.min(limit, end + 90));
  const m = /^\s*(?:\d{1,3},\s*)?(?:(?:the|a|an|his|her|its|their|one|another|former|then|now)\s+)?((?:[\p{L}’'-]+\s+){0,5}?[\p{L}’'-]+)\s*(?:,|\s+(?:of|for|at|in|to|and|who|from)\b|$)/u.exec(clause);
  if (/^\s*(?:who|whose)\b/u.test(clause)) return 'who';
  if (!m) return undefined;
  const nouns = m[1].split(/\s+/);
  const head = nouns[nouns.length - 1].toLowerCase();
  return APPOSITIVE_NOUNS.has(head) && head !== 'who' ? m[1] : undefined;
}

/**
 * ", a Seattle-based software company," ", the band," ", one of Russia's largest lenders": the appositive after a
 * name, when an article opens it and an organisation noun heads it. Returns the appositive, or undefined.
 */
function orgAppositiveAfter(text: string, end: number, limit: number): string | undefined {
  if (text.charAt(end) !== ',') return undefined;
  const clause = text.slice(end + 1, Math.min(limit, end + 90));
  const m = /^\s*(?:(?:a|an|the)\s+|one\s+of\s+(?:the\s+)?)((?:[\p{L}\p{N}’'-]+\s+){0,4}?[\p{L}’'-]+)\s*(?:[,;.)]|\s+(?:of|for|at|in|on|to|and|that|which|whose|with|based|founded|owned|headquartered|known|run|led|created|formed|behind|from)\b|$)/u.exec(clause);
  if (!m) return undefined;
  const nouns = m[1].split(/\s+/);
  const head = nouns[nouns.length - 1].toLowerCase().replace(/s$/, (s) => (ORG_APPOSITIVE_NOUNS.has(nouns[nouns.length - 1].toLowerCase()) ? s : ''));
  // The head must be a noun of the list, and no word before it a person's ("the company's founder" is a person).
  return ORG_APPOSITIVE_NOUNS.has(head) && !nouns.some((w) => /[’']s$/.test(w)) ? m[1] : undefined;
}

/** "Gazprom's chief executive", "Eni's shareholders": a possessive, then what only an organisation has. */
function orgPossessionAfter(text: string, end: number, limit: number): string | undefined {
  const apostrophe = text.charCodeAt(end);
  if ((apostrophe !== 0x2019 && apostrophe !== 39) || text.charAt(end + 1) !== 's' || text.charAt(end + 2) !== ' ') return undefined;
  const rest = text.slice(end + 3, Math.min(limit, end + 40)).toLowerCase();
  return ORG_POSSESSIONS.find((p: string) => rest.startsWith(p) && !/[\p{L}]/u.test(rest.charAt(p.length)));
}

function candidate(text: string, run: readonly Word[], kind: MentionKind, why: string, strong: boolean, via: Candidate['via']): Candidate {
  const start = run[0].start;
  const end = run[run.length - 1].end;
  return { start, end, text: text.slice(start, end), kind, why, strong, via };
}

/**
 * One name, one kind, across the document: a later mention of a name decided by strong evidence takes that
 * kind ("Grigoryan said" after "MP Armen Grigoryan"), and so does a person's surname on its own.
 */
function applyDocumentEvidence(input: NameInput, found: Candidate[]): Candidate[] {
  const candidates = personsNamedBySurnameAlone(input, found);
  const strongKind = new Map<string, Candidate>();
  const firstNames = new Map<string, Candidate | null>(); // null: two people share it
  for (const c of candidates) {
    if (!c.strong || c.kind === 'other') continue;
    if (!strongKind.has(c.text)) strongKind.set(c.text, c);
    if (c.shortName && !strongKind.has(c.shortName)) strongKind.set(c.shortName, c);
    if (c.kind === 'person') {
      const parts = c.text.split(' ');
      const surname = parts[parts.length - 1];
      // A person's surname outranks a small place of the same name ("Igor Smirnov" … "Smirnov", a Russian village).
      const held = strongKind.get(surname);
      if (parts.length >= 2 && surname.length >= 3 && (!held || held.via === 'gazetteer') && !isGivenName(surname)) strongKind.set(surname, c);
      const given = parts[0];
      if (parts.length >= 2 && isGivenName(given)) firstNames.set(given, firstNames.has(given) && firstNames.get(given)?.text !== c.text ? null : c);
    }
  }
  // A first name alone ("Stan" after "Stan Smith") names that person, unless two people share it.
  for (const [given, person] of firstNames) if (person && !strongKind.has(given)) strongKind.set(given, person);
  // Weak evidence anywhere in the document types every mention of the same words ("residents of Vorukh" …
  // "Vorukh"); the first weak kind wins where two disagree.
  const weakKind = new Map<string, Candidate>();
  for (const c of candidates) if (!c.strong && c.kind !== 'other' && !weakKind.has(c.text)) weakKind.set(c.text, c);
  const fullNames = fullNamesByWord(candidates);
  const resolved: Candidate[] = [];
  for (const c of candidates) {
    const strong = strongKind.get(c.text);
    if (strong && strong !== c && (!c.strong || c.kind === 'other' || isPlaceNamedLikeSurname(input, c, strong))) {
      resolved.push({ ...c, kind: strong.kind, via: 'document', why: `as “${strong.text}” elsewhere`, name: strong.kind === 'person' ? strong.name ?? strong.text : c.text, ref: strong.ref });
      continue;
    }
    const weak = c.strong ? undefined : weakKind.get(c.text);
    if (weak && weak !== c && weak.kind !== c.kind) {
      resolved.push({ ...c, kind: weak.kind, via: 'document', why: `as “${weak.text}” elsewhere (${weak.why})` });
      continue;
    }
    resolved.push(c.kind === 'person' && c.name === undefined ? { ...c, name: fullNameOf(c, strongKind, fullNames) } : c);
  }
  return typeUntypedNames(input, withOtherOccurrences(input, resolved, strongKind));
}

/** A one-word gazetteer place (a town, even a country: "Steve Israel" … "Israel said") that is the surname of a person named in full in the document, and not after "in", "to" … */
function isPlaceNamedLikeSurname(input: NameInput, c: Candidate, person: Candidate): boolean {
  if (c.via !== 'gazetteer' || person.kind !== 'person' || c.text.includes(' ') || !person.text.endsWith(` ${c.text}`)) return false;
  const before = wordBefore(input.text, c.start, Math.max(0, c.start - 40))?.toLowerCase();
  return !before || !(PLACE_PREPOSITIONS.has(before) || WORDS_BEFORE_A_PLACE.has(before));
}

/**
 * Names the rules found but could not type (kind `other`, no evidence) get a kind from the kind classifier
 * (kindModel.ts) when it is sure enough. It runs after withOtherOccurrences, so its kinds do not spread to
 * mentions the rules did not find (measured: spreading them raised GUM news F1 a little but cost wikigold 3
 * points of precision).
 */
function typeUntypedNames(input: NameInput, resolved: Candidate[]): Candidate[] {
  const model = activeKindModel();
  if (!model) return resolved;
  const untyped = resolved.filter((c) => c.kind === 'other' && !c.strong && c.via === 'context' && !isOnlyPlainWords(c.text));
  if (!untyped.length) return resolved;
  const decisions = decideKinds(input.text, untyped, model, (w) => nameWordFacts(input.gazetteer, w));
  const decided = new Map<Candidate, { kind: MentionKind; probability: number }>();
  untyped.forEach((c, i) => {
    const d = decisions[i];
    if (d) decided.set(c, d);
  });
  if (!decided.size) return resolved;
  return resolved.map((c) => {
    const d = decided.get(c);
    return d ? { ...c, kind: d.kind, via: 'model', why: `learned: ${d.kind} (${Math.round(d.probability * 100)}% sure)` } : c;
  });
}

/**
 * Common words, titles and function words alone ("Union", "Usually President", "State Department"-less
 * "State"): the kind classifier leaves them untyped, since such words are as often no name at all (its
 * false alarms on the dev set).
 */
export function isOnlyPlainWords(name: string): boolean {
  return name.split(' ').every((w) => COMMON_WORDS.has(w.toLowerCase()) || TITLE_WORDS.has(w) || FUNCTION_WORDS.has(w) || COMMON_CAPITALISED.has(w));
}

/** What the name lists say of one word, for the kind classifier ("given", "common", "gaz=city" …). */
export function nameWordFacts(gazetteer: Gazetteer, word: string): string[] {
  const out: string[] = [];
  if (isGivenName(word)) out.push('given');
  else if (WIDE_GIVEN_NAMES.has(word)) out.push('wgiven');
  if (GIVEN_NAMES_ALSO_WORDS.has(word)) out.push('givenword');
  if (hasSurnameEnding(word)) out.push('surname');
  if (COMMON_WORDS.has(word.toLowerCase())) out.push('common');
  if (ORG_WORDS.has(word)) out.push('orgw');
  if (PLACE_WORDS.has(word)) out.push('placew');
  if (TITLE_WORDS.has(word) || TITLE_WORDS_NOT_ALONE.has(word)) out.push('titlew');
  if (EVENT_WORDS.has(word)) out.push('eventw');
  if (FUNCTION_WORDS.has(word)) out.push('funcw');
  if (COMMON_CAPITALISED.has(word)) out.push('commoncap');
  if (WIDE_TOWNS.has(word)) out.push('town');
  const g = gazetteer.lookup(word);
  if (g) out.push(`gaz=${g.type ?? g.kind}`);
  if (gazetteer.lookupDemonym(word)) out.push('dem');
  return out;
}

/** The kind classifier's features of the name at [start, end), as analysis computes them (the trainer's entry). */
export function kindFeaturesOf(gazetteer: Gazetteer, text: string, start: number, end: number): string[] {
  return kindFeatures(text, start, end, (w) => nameWordFacts(gazetteer, w));
}

/**
 * "Mark Rathbun … Rathbun said": an untyped name of two words that are only names (no common word, place,
 * demonym or known name), whose last word stands alone elsewhere in the document, is a person named later by surname.
 * News shortens organisations to their first word or an acronym and places not at all, so the last word alone
 * is a person's mark. The name and its later mentions then take the kind in the document pass.
 */
function personsNamedBySurnameAlone(input: NameInput, candidates: Candidate[]): Candidate[] {
  const alone = new Set<string>();
  for (const c of candidates) if (c.text.indexOf(' ') < 0 && (c.kind === 'other' || c.kind === 'person')) alone.add(c.text);
  if (!alone.size) return candidates;
  return candidates.map((c) => {
    if (c.kind !== 'other' || c.strong) return c;
    const parts = c.text.split(' ');
    if (parts.length !== 2 || !alone.has(parts[1]) || COMPASS_WORDS.has(parts[0])) return c;
    // "European Jews": an adjective before a noun, unless the first word is a given name ("Ivan").
    if (!isGivenName(parts[0]) && ADJECTIVE_ENDINGS.some((e) => parts[0].endsWith(e))) return c;
    if (!parts.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && isPersonalNameWord(input, w))) return c;
    return { ...c, kind: 'person', strong: true, why: `named later by “${parts[parts.length - 1]}” alone` };
  });
}

function fullNameOf(c: Candidate, strongKind: Map<string, Candidate>, fullNames: Map<string, Candidate | null>): string {
  const full = fullNames.get(c.text) ?? strongKind.get(c.text);
  return full && full.kind === 'person' && full.text.length > c.text.length ? full.text : c.text;
}

/**
 * One word of a person's full name that names only that person in this document: the surname ("Grigoryan"),
 * or the first word when it is not a given name (family name first: "Jiang Zemin" … "Mr Jiang").
 */
function fullNamesByWord(candidates: readonly Candidate[]): Map<string, Candidate | null> {
  const byWord = new Map<string, Candidate | null>(); // null: two people share the word
  for (const c of candidates) {
    if (c.kind !== 'person' || !c.strong) continue;
    const parts = c.text.split(' ');
    if (parts.length < 2) continue;
    const words = isGivenName(parts[0]) ? [parts[parts.length - 1]] : [parts[0], parts[parts.length - 1]];
    for (const word of words) {
      const seen = byWord.get(word);
      byWord.set(word, seen === undefined || seen?.text === c.text ? c : null);
    }
  }
  return byWord;
}

/**
 * Mentions the run reader skipped because they open a sentence, sit in a headline or follow a name it did not
 * read ("Grigoryan told reporters", "Gazprom earlier said"): every other whole-word occurrence of a typed
 * name, or of a person's surname, becomes a mention of the same kind. Names that are common English words
 * ("Trend", "Unity") are not spread, since the word may be just a word elsewhere. Occurrences are found by
 * looking up the capitalised word starts the marks scan already has, not by searching the text per name.
 */
function withOtherOccurrences(input: NameInput, resolved: Candidate[], strongKind: Map<string, Candidate>): Candidate[] {
  const spread = new Map<string, { source: Candidate; name: string }>();
  for (const [key, c] of strongKind) if (c.kind === 'person' && key !== c.text) spread.set(key, { source: c, name: c.text });
  for (const c of resolved) {
    if (c.kind === 'other' || spread.has(c.text) || COMMON_WORDS.has(c.text.toLowerCase())) continue;
    spread.set(c.text, { source: c, name: c.name ?? c.text });
  }
  if (!spread.size) return resolved;
  const byFirstWord = namesByFirstWord(spread.keys());
  const { text } = input;
  const extra: Candidate[] = [];
  // Every capitalised word of the document is looked up where it stands (hashed while stepped over): slicing
  // each one for a Map lookup was about half of this pass, and this pass ~6% of a 1 MB incremental analysis.
  for (const start of input.nameStarts) {
    let end = start;
    let hash = 0;
    for (let code = text.charCodeAt(end); end < text.length && isWordCodeAt(text, end, code); code = text.charCodeAt(++end)) hash = hashStep(hash, code);
    const names = byFirstWord.get(text, start, end, hash);
    if (!names) continue;
    const name = names.find((n) => text.startsWith(n, start) && !isWordCodeAt(text, start + n.length, text.charCodeAt(start + n.length)));
    if (!name || (start > 0 && isWordCodeAt(text, start - 1, text.charCodeAt(start - 1)))) continue;
    const stop = start + name.length;
    if (overlapsAny(resolved, start, stop) || overlapsAny(input.known, start, stop) || overlapsAny(extra, start, stop)) continue;
    const { source, name: canonical } = spread.get(name)!;
    extra.push({ start, end: stop, text: name, kind: source.kind, why: `as “${source.text}” elsewhere`, strong: false, via: 'document', name: canonical, ref: source.ref });
  }
  return extra.length ? [...resolved, ...extra].sort((a, b) => a.start - b.start) : resolved;
}

/** A dateline in capitals the knowledge base does not know ("GYUMRI, May 3"): a place if the gazetteer has it. */
function shoutedPlace(input: NameInput, run: readonly Word[], out: Candidate[]): void {
  if (run.length !== 1) return;
  const word = run[0].text;
  const hit = input.gazetteer.lookup(word.charAt(0) + word.slice(1).toLowerCase());
  if (hit && (hit.kind === 'place' || hit.kind === 'country')) {
    out.push({ ...candidate(input.text, run, hit.kind, hit.ref ? `gazetteer: ${hit.ref}` : 'in the gazetteer', true, 'gazetteer'), ref: hit.ref ?? undefined });
  }
}

/**
 * Widens knowledge-base mentions to the name as the article writes it: a given name, patronymic or initial
 * before a known person's surname ("Aleksander Lukashenka", "Vladimir Nikolayevich Voronin"), a branch after a
 * known outlet ("Interfax-Zapad"). "US" before "$" is a currency, not the country.
 */
function extendKnownNames(input: NameInput, candidates: Candidate[], absorbed: Set<EntityMention>): void {
  const { text } = input;
  const widened: Candidate[] = [];
  const namedAfterPlaces: Candidate[] = [];
  const replaced = new Set<Candidate>();
  for (const m of input.known) {
    if (m.kind === 'country' && text.charCodeAt(m.end) === 36) { absorbed.add(m); continue; } // US$6 billion
    if (m.kind === 'organization' && text.charCodeAt(m.end) === 45 && isUpperCaseAt(text, m.end + 1)) {
      const end = wordEnd(text, m.end + 1);
      widened.push({ start: m.start, end, text: text.slice(m.start, end), kind: 'organization', why: `a branch of “${m.name}”`, strong: true, via: 'context' });
      absorbed.add(m);
      continue;
    }
    if (m.kind === 'place') {
      const person = personNamedAfterPlace(input, m);
      if (person) {
        for (let k = upperBound(candidates, person.start); k < candidates.length && candidates[k].start < m.start; k++) {
          if (candidates[k].end <= m.start) replaced.add(candidates[k]);
        }
        widened.push(person);
        namedAfterPlaces.push(person);
        absorbed.add(m);
      }
      continue;
    }
    if (m.kind !== 'person') continue;
    let start = m.start;
    for (;;) {
      const before = wordBefore(text, start, Math.max(0, start - 40));
      if (!before || !/^\p{Lu}/u.test(before) || !(isGivenName(before) || /^\p{Lu}\.$/u.test(before) || /(?:ovich|evich|ovna|evna|ich)$/.test(before))) break;
      const wordStart = text.lastIndexOf(before, start - 1); // "Ivan" before "Ivanov": never the word at `start` itself
      if (wordStart < 0 || wordStart >= start) break;
      start = wordStart;
    }
    if (start === m.start) continue;
    // A candidate the recognizer made for the same given name gives way to the widened mention (candidates
    // are in text order here, so only the few starting in [start, m.start) are looked at).
    for (let k = upperBound(candidates, start); k < candidates.length && candidates[k].start < m.start; k++) {
      if (candidates[k].end <= m.start) replaced.add(candidates[k]);
    }
    widened.push({ start, end: m.end, text: text.slice(start, m.end), kind: 'person', why: `${m.name}, with the given name`, strong: true, via: m.via === 'alias' ? 'alias' : 'name', name: m.name, id: m.id ?? undefined });
    absorbed.add(m);
  }
  widened.push(...placeNamesOfPersons(input, namedAfterPlaces, absorbed));
  const merged = mergeCandidates(candidates.filter((c) => !replaced.has(c)), widened);
  candidates.length = 0;
  candidates.push(...merged);
}

/**
 * "Valeska Paris", "Jack London": a given name right before a one-word place the knowledge base knows, with no
 * other capitalised word around them, is a person whose surname is a place name.
 */
function personNamedAfterPlace(input: NameInput, m: EntityMention): Candidate | undefined {
  const { text } = input;
  if (m.text.includes(' ') || isUpperCaseAt(text, m.end + 1) || text.charCodeAt(m.end) === 45) return undefined;
  const floor = Math.max(0, m.start - 60);
  const given = wordBefore(text, m.start, floor);
  if (!given || !/^\p{Lu}\p{Ll}+$/u.test(given) || !(isGivenName(given) || WIDE_GIVEN_NAMES.has(given))) return undefined;
  const start = m.start - 1 - given.length;
  if (text.slice(start, m.start - 1) !== given) return undefined;
  const before = wordBefore(text, start, floor);
  if (before && (/^\p{Lu}/u.test(before) || PLACE_PREPOSITIONS.has(before.toLowerCase()))) return undefined;
  const name = text.slice(start, m.end);
  return { start, end: m.end, text: name, kind: 'person', why: `“${given}” is a given name before “${m.text}”`, strong: true, via: 'context' };
}

/** Besides the place prepositions, words that before a place name keep it a place ("moved to Paris", "mayor of Paris"). */
const WORDS_BEFORE_A_PLACE = new Set(['to', 'at', 'of', 'through', 'over', 'beyond', 'past']);

/**
 * Where a person's surname is a place name ("Valeska Paris"), the place's other lone mentions in the document
 * are that person ("Paris claims", "Paris left the ship"), unless a place preposition stands before them
 * ("in Paris"). `namedAfterPlaces` are the persons `personNamedAfterPlace` found. Returns the person mentions; the
 * place mentions they replace go into `absorbed`.
 */
function placeNamesOfPersons(input: NameInput, namedAfterPlaces: readonly Candidate[], absorbed: Set<EntityMention>): Candidate[] {
  const bySurname = new Map<string, Candidate>();
  for (const c of namedAfterPlaces) bySurname.set(c.text.slice(c.text.lastIndexOf(' ') + 1), c);
  if (!bySurname.size) return [];
  const { text } = input;
  const out: Candidate[] = [];
  for (const m of input.known) {
    const person = m.kind === 'place' && !absorbed.has(m) ? bySurname.get(m.text) : undefined;
    if (!person) continue;
    const before = wordBefore(text, m.start, Math.max(0, m.start - 40));
    if (before && (PLACE_PREPOSITIONS.has(before.toLowerCase()) || WORDS_BEFORE_A_PLACE.has(before.toLowerCase()) || /^\p{Lu}/u.test(before))) continue;
    if (isUpperCaseAt(text, m.end + 1) || text.charCodeAt(m.end) === 45) continue;
    out.push({ start: m.start, end: m.end, text: m.text, kind: 'person', why: `the surname of ${person.text}`, strong: true, via: 'document', name: person.text });
    absorbed.add(m);
  }
  return out;
}

function mergeCandidates(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  return [...a, ...b].sort((x, y) => x.start - y.start);
}

function wordEnd(text: string, from: number): number {
  WORD_RE.lastIndex = from;
  const m = WORD_RE.exec(text);
  return m && m.index === from ? from + m[0].length : from;
}

/** Names by their first word (up to a space or hyphen), longest first. */
function namesByFirstWord(names: Iterable<string>): WordTable<string[]> {
  const grouped = new Map<string, string[]>();
  for (const name of names) {
    const first = name.split(/[\s-]/)[0];
    const list = grouped.get(first);
    if (list) list.push(name);
    else grouped.set(first, [name]);
  }
  const table = new WordTable<string[]>();
  for (const [first, list] of grouped) table.add(first, hashOf(first), list.sort((a, b) => b.length - a.length));
  return table;
}

/** Whether any span in `spans` (sorted by start, not overlapping one another) overlaps [start, end). */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  const i = upperBound(spans, end) - 1; // the last span starting before `end`
  return i >= 0 && spans[i].end > start;
}

function toMention(c: Candidate): EntityMention {
  return { start: c.start, end: c.end, text: c.text, kind: c.kind, id: c.id ?? null, name: c.name ?? c.text, via: c.via, why: c.why, ref: c.ref };
}

function mergeSorted(a: readonly EntityMention[], b: readonly EntityMention[]): EntityMention[] {
  const merged = [...a, ...b];
  merged.sort((x, y) => x.start - y.start || y.end - x.end);
  // Drop anything that overlaps an earlier mention (one name, one span).
  const out: EntityMention[] = [];
  let end = -1;
  for (const m of merged) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}
