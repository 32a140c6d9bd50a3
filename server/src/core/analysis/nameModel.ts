/**
 * The learned part of the name recognizer: a structured averaged perceptron that tags the words of a run of
 * capitalised words (a "region": "Fairfax Connector", "30 Seconds to Mars", "In Gyumri") as the beginning or
 * inside of a person, place, organisation or other name, or as no name. It sees only regions, so text without
 * capitals costs nothing. Features are the word itself, its shape, affixes, the evidence lists the rules use
 * (given names, surname endings, organisation and place words, the gazetteer, common English words) and the
 * words around the region; the region's last word (its head: "… Records", "… FC") is shared by all its words.
 *
 * The weights are data (`data/name-model.json`), trained by `npm run train:ner` (scripts/ner/train.mjs) on
 * freely licensed corpora; this file is the one definition of the features for both training and tagging.
 */
import words from '../data/names.json';
import { COMMON_WORDS, EITHER_NAMES as EITHER, FEMALE_NAMES as FEMALE, MALE_NAMES as MALE } from './nameWordSets';
import surnameEndings from '../data/surname-endings.json';
import type { Gazetteer } from '../kb/gazetteer';

/** Tags, in the order of the weight vectors. B = first word of a name, I = a later word. */
export const TAGS = ['O', 'B-person', 'I-person', 'B-place', 'I-place', 'B-organization', 'I-organization', 'B-other', 'I-other'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;
export type ModelKind = 'person' | 'place' | 'organization' | 'other';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A region: its tokens, with up to two tokens of context on each side (`from`..`to` is the region itself). */
export interface Region {
  readonly tokens: readonly Token[];
  readonly from: number;
  readonly to: number;
  /** Whether the region opens a sentence (nothing but sentence punctuation or the paragraph start before it). */
  readonly sentenceInitial: boolean;
  /** What the rules said of each word of the region ("B-person-kb", "I-place-gaz", "O"); see ruleTags. */
  ruleTags?: readonly string[];
}

/** A mention as the rules found it, enough to describe it to the model. */
export interface RuleMention {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly via?: string;
}

const VIA_CLASS: Record<string, string> = { name: 'kb', alias: 'kb', demonym: 'dem', gazetteer: 'gaz', context: 'ctx', document: 'doc' };

/**
 * The rules' verdict on each word of a region, from their mentions (sorted by start; titles and pronouns
 * are not names and are skipped): the model learns when to trust them.
 */
export function ruleTags(region: Region, mentions: readonly RuleMention[]): string[] {
  const { tokens, from, to } = region;
  const out: string[] = [];
  let k = lowerBoundByEnd(mentions, tokens[from].start);
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    while (k < mentions.length && mentions[k].end <= t.start) k++;
    let tag = 'O';
    for (let j = k; j < mentions.length && mentions[j].start < t.end; j++) {
      const m = mentions[j];
      const via = VIA_CLASS[m.via ?? ''];
      if (!via || m.end <= t.start) continue;
      const kind = m.kind === 'country' ? 'place' : m.kind;
      tag = `${m.start >= t.start ? 'B' : 'I'}-${kind}-${via}`;
      break;
    }
    out.push(tag);
  }
  return out;
}

/** The first mention whose end is after `offset` (mentions sorted by start, not overlapping). */
function lowerBoundByEnd(mentions: readonly RuleMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ModelSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: ModelKind;
  /** How much the best tagging beat the best one without this name (per word): a confidence. */
  readonly margin: number;
}

const CONNECTORS = new Set(['of', 'the', 'and', '&', 'for', 'on', 'de', 'du', 'des', 'la', 'le', 'el', 'al', 'von', 'van', 'der', 'den', 'da', 'do', 'dos', 'y', 'bin', 'ibn', 'upon', "'s", '’s', 'in', 'to', 'at']);
const MAX_REGION = 12;
const ORG_WORDS = new Set(words.orgWords);
const PLACE_WORDS = new Set(words.placeWords);
const TITLE_WORDS = new Set(words.titleWords);
const TITLE_WORDS_NOT_ALONE = new Set(words.titleWordsNotAlone);
const EVENT_WORDS = new Set(words.eventWords);
const FUNCTION_WORDS = new Set(words.functionWords);
const COMMON_CAPITALISED = new Set(words.commonCapitalised);
type EndingEntry = string | { ending: string; weak?: boolean };
const ENDINGS: string[] = [];
for (const list of [surnameEndings.male, surnameEndings.female, surnameEndings.either] as EndingEntry[][]) {
  for (const e of list) {
    const ending = typeof e === 'string' ? e : e.ending;
    if (ending.length >= 3 && (typeof e === 'string' || !e.weak)) ENDINGS.push(ending);
  }
}

// ---------------------------------------------------------------- tokens and regions

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-‐’'.&][\p{L}\p{M}\p{N}]+)*/uy;
const UPPER_START = /^\p{Lu}/u;
const SENTENCE_PUNCT = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '(', '—', '–', '-', '|', '•', '*', '#', '>']);

function isCapital(t: string): boolean {
  return UPPER_START.test(t);
}

/** Tokens of `text` in [from, to): words (a possessive "’s" split off, an initial's or abbreviation's dot kept) and single punctuation marks. */
export function tokenize(text: string, from: number, to: number, maxTokens = Infinity): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to && out.length < maxTokens) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) { i++; continue; }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m && m.index === i) {
      let end = Math.min(to, i + m[0].length);
      let word = text.slice(i, end);
      const possessive = /['’]s$/.test(word) && word.length > 2;
      if (possessive) { end -= 2; word = word.slice(0, -2); }
      // "J.", "St.", "U.S.": a short capitalised word keeps its dot.
      if (!possessive && end < to && text.charCodeAt(end) === 46 && word.length <= 3 && isCapital(word)) { end++; word += '.'; }
      out.push({ start: i, end, text: word });
      if (possessive) out.push({ start: end, end: end + 2, text: text.slice(end, end + 2) });
      i = possessive ? end + 2 : end;
      continue;
    }
    // One mark (an astral character is one token of two code units).
    const step = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
    out.push({ start: i, end: i + step, text: text.slice(i, i + step) });
    i += step;
  }
  return out;
}

/**
 * The regions among `tokens`: a capitalised word, then capitalised words, numbers and up to two connectors
 * between capitalised words ("Bank of the Ozarks"), at most MAX_REGION words. Each region carries two tokens
 * of context either side. Used alike on training text and in the recognizer.
 */
export function findRegions(tokens: readonly Token[], text: string, first = 0): Region[] {
  const regions: Region[] = [];
  let i = first;
  while (i < tokens.length) {
    if (!isCapital(tokens[i].text)) { i++; continue; }
    let j = i + 1;
    let last = i;
    while (j < tokens.length && j - i < MAX_REGION && adjacent(text, tokens[j - 1], tokens[j])) {
      const t = tokens[j].text;
      if (isCapital(t) || (/^\p{N}/u.test(t) && j === last + 1)) { last = j; j++; continue; }
      if (CONNECTORS.has(t) && j - last <= 2) { j++; continue; }
      break;
    }
    const prev = i > 0 ? tokens[i - 1].text : '';
    regions.push({ tokens, from: i, to: last + 1, sentenceInitial: i === 0 || SENTENCE_PUNCT.has(prev) });
    i = last + 1;
  }
  return regions;
}

/**
 * The region that starts with the capitalised word at `start`, read from the text around it only (the
 * recognizer asks region by region, so text without capitals is never tokenised). Gives the same region and
 * context as findRegions over the whole paragraph [floor, limit).
 */
export function regionAt(text: string, start: number, floor: number, limit: number): Region | undefined {
  // Two tokens of context before: back up over at most two words and the marks between them.
  let back = start;
  let words = 0;
  while (back > floor && words < 3) {
    back--;
    const c = text.charCodeAt(back);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0) words++;
  }
  if (words >= 3) back++; // stand after the space
  let before = tokenize(text, back, start);
  before = before.slice(Math.max(0, before.length - 2));
  // Read a few tokens after; more only when the region runs to the end of what was read.
  const end = Math.min(limit, start + 24 * (MAX_REGION + 2));
  for (let want = 6; ; want = MAX_REGION + 3) {
    const after = tokenize(text, start, end, want);
    if (!after.length || after[0].start !== start) return undefined;
    const tokens = before.length ? [...before, ...after] : after;
    const region = findRegions(tokens, text, before.length)[0];
    if (!region || region.from !== before.length) return undefined;
    if (region.to + 2 <= tokens.length || after.length < want || want > MAX_REGION) return region;
  }
}

/** Two tokens are in one region only with plain spaces between them (a comma or line break ends it). */
function adjacent(text: string, a: Token, b: Token): boolean {
  if (b.start === a.end) return b.text === "'s" || b.text === '’s';
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return b.start - a.end <= 2;
}

/** Whether a word is a title ("Secretary", "Foreign"): never part of a person's name, so the trainer strips it from corpora that include it. */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word) || TITLE_WORDS_NOT_ALONE.has(word);
}

/** A common English word, title or sentence word ("People", "Minister", "Sept"), which alone is rarely a name. */
export function isPlainWord(word: string): boolean {
  return COMMON_WORDS.has(word.toLowerCase()) || TITLE_WORDS.has(word) || COMMON_CAPITALISED.has(word) || FUNCTION_WORDS.has(word) || COMMON_WORDS.has(word.replace(/\.$/, '').toLowerCase());
}

// ---------------------------------------------------------------- features

export function wordShape(t: string): string {
  let s = '';
  let prev = '';
  for (const ch of t) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== prev || s.length < 2) s += c;
    prev = c;
    if (s.length > 6) break;
  }
  return s;
}

function hasEnding(lower: string): boolean {
  return lower.length >= 5 && ENDINGS.some((e) => lower.endsWith(e) && lower.length > e.length + 1);
}

/** Features of a word on its own, whatever surrounds it (cached per word by the tagger). */
export function wordFeatures(t: string, gazetteer: Gazetteer): string[] {
  const lower = t.toLowerCase();
  const f = ['b', `w=${t}`, `l=${lower}`, `s=${wordShape(t)}`, `p3=${lower.slice(0, 3)}`, `x2=${lower.slice(-2)}`, `x3=${lower.slice(-3)}`, `x4=${lower.slice(-4)}`];
  const g = gazetteer.lookup(t);
  if (g) f.push(`g=${g.type ?? g.kind}`);
  if (gazetteer.lookupDemonym(t)) f.push('dem');
  if (MALE.has(t) || FEMALE.has(t) || EITHER.has(t)) f.push('given');
  if (hasEnding(lower)) f.push('surname');
  if (COMMON_WORDS.has(lower)) f.push('common');
  if (ORG_WORDS.has(t)) f.push('orgw');
  if (PLACE_WORDS.has(t)) f.push('placew');
  if (TITLE_WORDS.has(t)) f.push('titlew');
  if (EVENT_WORDS.has(t)) f.push('eventw');
  if (FUNCTION_WORDS.has(t)) f.push('funcw');
  if (COMMON_CAPITALISED.has(t)) f.push('commoncap');
  return f;
}

function contextWord(tokens: readonly Token[], k: number): string {
  if (k < 0) return '<s>';
  if (k >= tokens.length) return '</s>';
  return tokens[k].text.toLowerCase();
}

/** Features of word `i` that depend on where it stands (but not on the tag before it). */
export function contextFeatures(region: Region, i: number, gazetteer: Gazetteer, regionText: string, shape?: string): string[] {
  const { tokens, from, to } = region;
  const n = to - from;
  const pos = n === 1 ? 'only' : i === from ? 'first' : i === to - 1 ? 'last' : 'mid';
  const head = tokens[to - 1].text.toLowerCase();
  const f = [
    `pos=${pos}`,
    `len=${Math.min(n, 5)}`,
    `w-1=${contextWord(tokens, i - 1)}`,
    `w+1=${contextWord(tokens, i + 1)}`,
    `before=${contextWord(tokens, from - 1)}`,
    `after=${contextWord(tokens, to)}`,
    `head=${head}`,
  ];
  if (region.sentenceInitial) f.push(i === from ? 'si' : 'si-region');
  const rule = region.ruleTags?.[i - from];
  if (rule !== undefined) {
    f.push(`r=${rule}`, `rk=${rule.replace(/-[a-z]+$/, '')}`);
    if (rule !== 'O') f.push(`r|s=${rule}|${shape ?? wordShape(tokens[i].text)}`);
  }
  const g = gazetteer.lookup(regionText);
  if (g) f.push(`rg=${g.type ?? g.kind}`);
  return f;
}

// ---------------------------------------------------------------- weights

export interface ModelFile {
  readonly $comment?: string;
  readonly tags: readonly string[];
  /** Weights are 16-bit integers; divide by `scale`. */
  readonly scale: number;
  /** Feature names; tag-pair features are "t-1=<prev>" and "t-1s=<prev>|<shape>". */
  readonly features: readonly string[];
  /** Base64 of little-endian Int16 weights, TAG_COUNT per feature, in the order of `features` (a flat array loads fast). */
  readonly weights: string;
}

export class NameModel {
  private readonly weights = new Map<string, Float32Array>();
  private readonly wordCache = new Map<string, Float32Array>();
  private readonly shapeCache = new Map<string, string>();

  constructor(file: ModelFile, private readonly gazetteer: Gazetteer) {
    if (file.tags.join() !== TAGS.join()) throw new Error('name model: the tags in the file are not the tagger’s');
    const bytes = Buffer.from(file.weights, 'base64');
    const ints = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
    const all = new Float32Array(ints.length);
    for (let k = 0; k < ints.length; k++) all[k] = ints[k] / file.scale;
    file.features.forEach((name, i) => this.weights.set(name, all.subarray(i * TAG_COUNT, (i + 1) * TAG_COUNT)));
  }

  private shapeOf(t: string): string {
    let s = this.shapeCache.get(t);
    if (s === undefined) {
      s = wordShape(t);
      if (this.shapeCache.size > 50_000) this.shapeCache.clear();
      this.shapeCache.set(t, s);
    }
    return s;
  }

  /** Per-tag scores of a word's own features, cached per word (the cache is emptied when it grows large). */
  private wordScores(t: string): Float32Array {
    let s = this.wordCache.get(t);
    if (s) return s;
    s = new Float32Array(TAG_COUNT);
    for (const f of wordFeatures(t, this.gazetteer)) this.add(s, f);
    if (this.wordCache.size > 50_000) this.wordCache.clear();
    this.wordCache.set(t, s);
    return s;
  }

  private add(into: Float32Array, feature: string): void {
    const w = this.weights.get(feature);
    if (w) for (let k = 0; k < TAG_COUNT; k++) into[k] += w[k];
  }

  /** The names in one region, by Viterbi decoding of the tags. */
  tag(region: Region, text: string): ModelSpan[] {
    const { tokens, from, to } = region;
    const regionText = text.slice(tokens[from].start, tokens[to - 1].end);
    const emissions: Float32Array[] = [];
    const shapes: string[] = [];
    for (let i = from; i < to; i++) {
      const e = this.wordScores(tokens[i].text).slice();
      for (const f of contextFeatures(region, i, this.gazetteer, regionText, this.shapeOf(tokens[i].text))) this.add(e, f);
      emissions.push(e);
      shapes.push(this.shapeOf(tokens[i].text));
    }
    const tables = shapes.map((sh) => this.transitions(sh));
    const tags = viterbi(emissions, (prev, i) => tables[i][prev + 1]);
    return spansOf(tags.best, region, tags.margins);
  }

  private readonly transitionCache = new Map<string, Float32Array[]>();

  /** Per tag before (START first, then TAGS), the scores of each tag at a word of shape `wordShape`. */
  private transitions(wordShape: string): Float32Array[] {
    let table = this.transitionCache.get(wordShape);
    if (table) return table;
    table = [];
    for (let prev = -1; prev < TAG_COUNT; prev++) {
      const s = new Float32Array(TAG_COUNT);
      for (const f of transitionFeatures(prev, wordShape)) this.add(s, f);
      table.push(s);
    }
    if (this.transitionCache.size > 10_000) this.transitionCache.clear();
    this.transitionCache.set(wordShape, table);
    return table;
  }
}

/** Features joining a word's tag to the tag before it (`prev` = -1 at the region's start). */
export function transitionFeatures(prev: number, wordShape: string): string[] {
  const p = prev < 0 ? 'START' : TAGS[prev];
  return [`t-1=${p}`, `t-1s=${p}|${wordShape}`];
}

/** An I- tag must follow its own B- or I- tag. */
export function allowed(prev: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return prev === tag || prev === tag - 1;
}

/**
 * Best tag sequence for the emission scores, with transition scores from `trans`. Also returns, per word,
 * how far the best sequence's score is above the best sequence that tags that word O (a confidence).
 */
export function viterbi(emissions: readonly Float32Array[], trans: (prev: number, i: number) => Float32Array): { best: number[]; margins: number[] } {
  const n = emissions.length;
  const score: Float64Array[] = [];
  const back: Int8Array[] = [];
  for (let i = 0; i < n; i++) {
    const s = new Float64Array(TAG_COUNT).fill(-Infinity);
    const b = new Int8Array(TAG_COUNT);
    for (let t = 0; t < TAG_COUNT; t++) {
      if (i === 0) {
        if (!allowed(-1, t)) continue;
        s[t] = emissions[0][t] + trans(-1, 0)[t];
        continue;
      }
      for (let p = 0; p < TAG_COUNT; p++) {
        if (!allowed(p, t) || score[i - 1][p] === -Infinity) continue;
        const v = score[i - 1][p] + trans(p, i)[t] + emissions[i][t];
        if (v > s[t]) { s[t] = v; b[t] = p; }
      }
    }
    score.push(s);
    back.push(b);
  }
  let t = 0;
  for (let k = 1; k < TAG_COUNT; k++) if (score[n - 1][k] > score[n - 1][t]) t = k;
  const bestScore = score[n - 1][t];
  const best = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) { best[i] = t; t = back[i][t]; }
  // The all-O sequence is the natural rival: how much better the chosen names are than no names at all.
  let none = 0;
  for (let i = 0; i < n; i++) none += emissions[i][0] + trans(i === 0 ? -1 : 0, i)[0];
  const margin = (bestScore - none) / n;
  return { best, margins: best.map(() => margin) };
}

function kindOf(tag: number): ModelKind {
  return TAGS[tag].slice(2) as ModelKind;
}

function spansOf(tags: readonly number[], region: Region, margins: readonly number[]): ModelSpan[] {
  const out: ModelSpan[] = [];
  const { tokens, from } = region;
  let open = -1;
  const close = (endIndex: number) => {
    if (open < 0) return;
    out.push({ start: tokens[from + open].start, end: tokens[from + endIndex].end, kind: kindOf(tags[open]), margin: margins[open] });
    open = -1;
  };
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 0) { close(i - 1); continue; }
    if (t % 2 === 1) { close(i - 1); open = i; }
  }
  close(tags.length - 1);
  return out;
}
