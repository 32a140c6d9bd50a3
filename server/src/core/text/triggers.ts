/**
 * Rules and analysers look for phrases that begin with one of a few known words ("analysts say", "these
 * four states", "the Russian president", "he said"). One whole-text regex scan per phrase pattern was
 * about a third of the analysis time, so each such pattern is declared as a `TriggeredPattern` together
 * with the words its matches can begin with. `scanTriggers` finds all of those words in one
 * case-insensitive pass per document, and each pattern is then tried only where one of its words starts,
 * anchored there. That yields exactly the matches a global scan of the pattern would, as long as every
 * match does begin with one of the declared words (a unit test checks this for random text).
 */

import { equalsIgnoringAsciiCase, isAsciiLetter, isAsciiWordCode, matchesAt } from './chars';

const registry: TriggeredPattern[] = [];
/**
 * Scratch lists for one scan's hits, reused by every scan (they only grow): a scan runs start to finish
 * synchronously and copies what it keeps, so no two scans ever share them.
 */
const scratchIds: number[] = [];
const scratchStarts: number[] = [];
/** Per pattern id, where its next hit goes while the hits are grouped. */
const scratchNext: number[] = [];

interface Scanner {
  readonly re: RegExp;
  /**
   * Trigger words by `bucketOf(length, first letter)`, each with the ids of the patterns it may begin. Every
   * bucket up to the last used one is a list (empty where no word falls): a list with holes is read slower.
   */
  readonly buckets: readonly (readonly TriggerWord[])[];
  /** How many patterns were registered when this scanner was built. */
  readonly patterns: number;
}

interface TriggerWord {
  readonly word: string;
  readonly patternIds: readonly number[];
}

/** Words are told apart by length and first letter, then compared in place: no string is cut out per hit. */
function bucketOf(length: number, firstLetterLower: number): number {
  return length * 32 + (firstLetterLower - 97);
}

let scanner: Scanner | undefined;

export class TriggeredPattern {
  private readonly id: number;
  private readonly anchored: RegExp;
  /**
   * Set for a pattern that is just whole words (`TriggeredPattern.words`): its matches are then told from
   * the scan's hits without the regex. `spellings` are the spellings that count; without them, any case does.
   */
  private readonly wholeWords: { readonly spellings?: readonly string[] } | undefined;

  /**
   * `pattern`: what to match (its own `g`/`y` flags are ignored). `firstWords`: lower-case words, one of
   * which every match begins with, compared case-insensitively; the pattern itself decides case.
   */
  constructor(readonly pattern: RegExp, readonly firstWords: readonly string[], words?: { readonly spellings?: readonly string[] }) {
    for (const word of firstWords) {
      if (!/^[a-z]+$/.test(word)) throw new Error(`Trigger word must be lower-case ASCII letters: ${JSON.stringify(word)}`);
    }
    this.anchored = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`);
    this.wholeWords = words;
    this.id = registry.push(this) - 1;
  }

  /**
   * Whole words and nothing more: `spellings` as written (case-sensitive), or with `anyCase` every case of
   * them. The scan finds exactly these words, so `starts` needs no regex per hit; `pattern` still states
   * what a match is (and the triggers test holds `starts` and `matches` to a global scan of it).
   */
  static words(spellings: readonly string[], anyCase: boolean): TriggeredPattern {
    const re = new RegExp(`\\b(?:${spellings.join('|')})\\b`, anyCase ? 'i' : '');
    return new TriggeredPattern(re, [...new Set(spellings.map((w) => w.toLowerCase()))], { spellings: anyCase ? undefined : spellings });
  }

  /** The pattern's matches in `scan`'s text, in order and non-overlapping, as a global scan finds them. */
  matches(scan: TriggerScan): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    const hits = scan.hits;
    if (this.id >= hits[0]) return found; // a pattern declared after the scan has no group
    let end = 0;
    for (let k = hits[this.id + 1], to = hits[this.id + 2]; k < to; k++) {
      const start = hits[k];
      if (start < end) continue;
      this.anchored.lastIndex = start;
      const m = this.anchored.exec(scan.text);
      if (!m) continue;
      found.push(m);
      end = start + Math.max(1, m[0].length);
    }
    return found;
  }

  /** Where `matches` would start, without a match array per match: for patterns whose caller needs only that. */
  starts(scan: TriggerScan): number[] {
    const found: number[] = [];
    const hits = scan.hits;
    if (this.id >= hits[0]) return found;
    let end = 0;
    for (let k = hits[this.id + 1], to = hits[this.id + 2]; k < to; k++) {
      const start = hits[k];
      if (this.wholeWords) {
        // Each hit is a whole trigger word; only its spelling may still rule it out.
        const spellings = this.wholeWords.spellings;
        if (!spellings || isSpelledAt(scan.text, start, spellings)) found.push(start);
        continue;
      }
      if (start < end) continue;
      this.anchored.lastIndex = start;
      if (!this.anchored.test(scan.text)) continue;
      found.push(start);
      end = Math.max(start + 1, this.anchored.lastIndex);
    }
    return found;
  }
}

/** Where each registered pattern's first words occur in one text. */
export class TriggerScan {
  /**
   * One list per scan (an `Int32Array` this size is allocated outside the JS heap, and creating one cost
   * several times more than a plain list). hits[0] is the number of patterns scanned for; group `id` is
   * hits[hits[1 + id]] up to (not including) hits[hits[2 + id]]; after that header come the trigger-word
   * offsets, grouped by pattern id and ascending in each group.
   */
  readonly hits: readonly number[];

  /**
   * `previous`: a scan of an earlier version of the document whose lines before `from` are the same as
   * here, and whose lines after `to` (`to - delta` there) are the same as after `to` here. Then only text[from,
   * to) is scanned, and the other hits are kept or moved by `delta`. A trigger word's hit depends on its own
   * line only (words never span a line break, and `\b` sees the break), so this equals a whole scan; the
   * incremental property test holds it to that. `from` starts a line and `to` ends one.
   */
  constructor(readonly text: string, previous?: { readonly scan: TriggerScan; readonly from: number; readonly to: number; readonly delta: number }) {
    const scanner = currentScanner();
    const fresh = scanHits(text, scanner, previous ? previous.from : 0, previous ? previous.to : text.length);
    this.hits = previous && previous.scan.hits[0] === scanner.patterns ? spliceHits(previous.scan.hits, fresh, previous.from, previous.to - previous.delta, previous.delta) : fresh;
  }
}

/** The hits (laid out as `TriggerScan.hits`) of trigger words starting in text[from, to). */
function scanHits(text: string, { re, buckets, patterns }: Scanner, from: number, to: number): number[] {
  // Hits are collected in two flat scratch lists and then grouped by pattern (a counting sort): a growing
  // list per pattern would reserve far more room than the few hits each pattern gets in an article.
  let count = 0;
  re.lastIndex = from;
  while (re.test(text)) {
    const end = re.lastIndex;
    let start = end - 1;
    while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--; // \b: no letter precedes the word
    if (start >= to) break;
    const bucket = bucketOf(end - start, text.charCodeAt(start) | 32);
    const hit = bucket < buckets.length ? triggerWordAt(text, start, buckets[bucket]) : undefined;
    if (hit === undefined) continue;
    // Indexed loops, here and below: this runs for every trigger word of every document.
    const ids = hit.patternIds;
    for (let k = 0; k < ids.length; k++) {
      scratchIds[count] = ids[k];
      scratchStarts[count++] = start;
    }
  }
  const header = patterns + 2;
  const hits: number[] = new Array(header + count).fill(0);
  hits[0] = patterns;
  // Group sizes, then running sums: group `id` starts at hits[1 + id].
  for (let k = 0; k < count; k++) hits[2 + scratchIds[k]]++;
  hits[1] = header;
  for (let id = 1; id <= patterns; id++) hits[1 + id] += hits[id];
  for (let id = 0; id < patterns; id++) scratchNext[id] = hits[1 + id];
  for (let k = 0; k < count; k++) hits[scratchNext[scratchIds[k]]++] = scratchStarts[k];
  return hits;
}

/**
 * Each pattern's group of `old` with its hits in [from, oldTo] replaced by that group of `fresh`, and its
 * hits after `oldTo` moved by `delta`. Both lists have the same patterns (the caller checks).
 */
function spliceHits(old: readonly number[], fresh: readonly number[], from: number, oldTo: number, delta: number): number[] {
  const patterns = old[0];
  const header = patterns + 2;
  // Per group: the old hits kept before `from` and moved after `oldTo` (offsets into `old`).
  const keepEnd: number[] = new Array(patterns);
  const moveStart: number[] = new Array(patterns);
  let size = header;
  for (let id = 0; id < patterns; id++) {
    const first = old[1 + id];
    const last = old[2 + id];
    keepEnd[id] = firstAtOrAfter(old, first, last, from);
    moveStart[id] = firstAtOrAfter(old, keepEnd[id], last, oldTo + 1);
    size += keepEnd[id] - first + (fresh[2 + id] - fresh[1 + id]) + (last - moveStart[id]);
  }
  const hits: number[] = new Array(size);
  hits[0] = patterns;
  let k = header;
  for (let id = 0; id < patterns; id++) {
    hits[1 + id] = k;
    for (let i = old[1 + id]; i < keepEnd[id]; i++) hits[k++] = old[i];
    for (let i = fresh[1 + id]; i < fresh[2 + id]; i++) hits[k++] = fresh[i];
    for (let i = moveStart[id]; i < old[2 + id]; i++) hits[k++] = old[i] + delta;
  }
  hits[1 + patterns] = k;
  return hits;
}

/** The first index in sorted[lo, hi) whose value is at least `value` (hi when none). */
function firstAtOrAfter(sorted: readonly number[], lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The trigger word at `start`, among the bucket's words of that length and first letter. */
function triggerWordAt(text: string, start: number, candidates: readonly TriggerWord[]): TriggerWord | undefined {
  // The regex matched one of the trigger words, so a bucket of one needs no comparison.
  if (candidates.length === 1) return candidates[0];
  for (let k = 0; k < candidates.length; k++) if (equalsIgnoringAsciiCase(text, start, candidates[k].word)) return candidates[k];
  return undefined;
}

/** Every pattern declared so far (for tests that hold each one to the global-scan contract). */
export function registeredPatterns(): readonly TriggeredPattern[] {
  return registry;
}

export function scanTriggers(text: string): TriggerScan {
  return new TriggerScan(text);
}

/** The combined word regex, rebuilt only when patterns were registered after the last build. */
function currentScanner(): Scanner {
  if (scanner && scanner.patterns === registry.length) return scanner;
  const patternIdsByWord = new Map<string, number[]>();
  registry.forEach((pattern, id) => {
    for (const word of new Set(pattern.firstWords)) patternIdsByWord.set(word, [...(patternIdsByWord.get(word) ?? []), id]);
  });
  const buckets: TriggerWord[][] = [];
  for (const [word, patternIds] of patternIdsByWord) (buckets[bucketOf(word.length, word.charCodeAt(0))] ??= []).push({ word, patternIds });
  for (let bucket = 0; bucket < buckets.length; bucket++) buckets[bucket] ??= [];
  const words = [...patternIdsByWord.keys()];
  // Case-insensitive without the u flag: ASCII folding only, and measurably faster than [Aa]-style classes.
  const re = new RegExp(words.length ? `\\b${trieAlternation(words)}\\b` : '(?!)', 'gi');
  scanner = { re, buckets, patterns: registry.length };
  return scanner;
}

/**
 * The words as one regex alternation shaped like a trie ("s(?:tates|ources?)|c(?:is|ited)"): the engine
 * picks a branch by letter instead of trying every word at every position, which made this scan about 40%
 * faster than a flat "states|sources|…". Words are lower-case ASCII letters, so nothing needs escaping.
 */
export function trieAlternation(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  let includesEmpty = false;
  for (const word of words) {
    if (!word) includesEmpty = true;
    else byFirst.set(word[0], [...(byFirst.get(word[0]) ?? []), word.slice(1)]);
  }
  const branches = [...byFirst.keys()].sort().map((letter) => letter + trieAlternation(byFirst.get(letter)!));
  if (branches.length === 0) return '';
  if (includesEmpty) return `(?:${branches.join('|')})?`;
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}

/** Whether one of `spellings` stands at `start` as a whole word. */
function isSpelledAt(text: string, start: number, spellings: readonly string[]): boolean {
  for (const word of spellings) if (matchesAt(text, start, word) && !isAsciiWordCode(text.charCodeAt(start + word.length))) return true;
  return false;
}



/** The first word of each phrase, lower-cased: the trigger words of a pattern built from a cue list. */
export function firstWordsOf(phrases: readonly string[]): string[] {
  return [...new Set(phrases.map((p) => p.trim().split(/\s+/)[0].toLowerCase()))];
}
