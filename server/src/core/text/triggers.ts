/**
 * Rules and analysers look for phrases that begin with one of a few known words ("analysts say", "these
 * four states", "the Russian president", "he said"). One whole-text regex scan per phrase pattern was
 * about a third of the analysis time, so each such pattern is declared as a `TriggeredPattern` together
 * with the words its matches can begin with. `scanWords` finds all of those words in one
 * case-insensitive pass per document, and each pattern is then tried only where one of its words starts,
 * anchored there. That yields exactly the matches a global scan of the pattern would, as long as every
 * match does begin with one of the declared words (a unit test checks this for random text).
 */

import { equalsIgnoringAsciiCase, isWordChar } from './chars';

const registry: TriggeredPattern[] = [];

interface Scanner {
  readonly re: RegExp;
  /** Trigger words by `bucketOf(length, first letter)`, each with the ids of the patterns it may begin. */
  readonly buckets: readonly (readonly TriggerWord[] | undefined)[];
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
   * `pattern`: what to match (its own `g`/`y` flags are ignored). `firstWords`: lower-case words, one of
   * which every match begins with, compared case-insensitively; the pattern itself decides case.
   */
  constructor(readonly pattern: RegExp, readonly firstWords: readonly string[]) {
    for (const word of firstWords) {
      if (!/^[a-z]+$/.test(word)) throw new Error(`Trigger word must be lower-case ASCII letters: ${JSON.stringify(word)}`);
    }
    this.anchored = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`);
    this.id = registry.push(this) - 1;
  }

  /** The pattern's matches in `scan`'s text, in order and non-overlapping, as a global scan finds them. */
  matches(scan: WordScan): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    const starts = scan.startsFor(this.id);
    let end = 0;
    for (const start of starts) {
      if (start < end) continue;
      this.anchored.lastIndex = start;
      const m = this.anchored.exec(scan.text);
      if (!m) continue;
      found.push(m);
      end = start + Math.max(1, m[0].length);
    }
    return found;
  }
}

/**
 * The words later stages look for, found in one regex pass over a document: where each registered pattern's
 * first words occur, and where capitalised words start (for the entity matcher). Lower-case trigger words are
 * matched by the regex itself; capitalised and upper-case ones ("He", "States", "CIS") are recognised at the
 * capital the regex stops on anyway, so the pass needs no case-insensitive flag.
 */
export class WordScan {
  private readonly startsByPattern: number[][];
  /** Offsets of characters that may start a capitalised word, ascending (the matcher checks them properly). */
  readonly capitalStarts: number[] = [];

  constructor(readonly text: string) {
    const { re, buckets, patterns } = currentScanner();
    this.startsByPattern = new Array<number[]>(patterns);
    re.lastIndex = 0;
    while (re.test(text)) {
      const end = re.lastIndex;
      const last = text.charCodeAt(end - 1);
      if (last >= 97 && last <= 122) {
        // A lower-case trigger word: \b means no letter precedes it, so walking back over letters finds its start.
        let start = end - 1;
        while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
        this.addTrigger(buckets, start, end);
      } else if (last < 128) {
        // An ASCII capital at a word boundary: a capitalised word, and perhaps a trigger word in another case.
        const start = end - 1;
        let wordEnd = end;
        while (wordEnd < text.length && isAsciiLetter(text.charCodeAt(wordEnd))) wordEnd++;
        this.capitalStarts.push(start);
        if (!isAsciiWordChar(text.charCodeAt(wordEnd))) this.addTrigger(buckets, start, wordEnd);
        re.lastIndex = wordEnd; // no word boundary, so no match, inside a run of letters
      } else {
        // A non-ASCII character in a block with capitals; inside a word it starts nothing.
        const start = end - 1;
        if (start === 0 || !isWordChar(text, start - 1)) this.capitalStarts.push(start);
        let runEnd = end;
        while (runEnd < text.length && text.charCodeAt(runEnd) >= 128 && isWordChar(text, runEnd)) runEnd++;
        re.lastIndex = runEnd; // skip the rest of a Cyrillic or Greek word, but not an ASCII word glued to it
      }
    }
  }

  /** Offsets where pattern `id` may match, ascending. */
  startsFor(id: number): readonly number[] {
    return this.startsByPattern[id] ?? [];
  }

  private addTrigger(buckets: Scanner['buckets'], start: number, end: number): void {
    const candidates = buckets[bucketOf(end - start, this.text.charCodeAt(start) | 32)];
    if (!candidates) return;
    const hit = candidates.find((c) => equalsIgnoringAsciiCase(this.text, start, c.word));
    if (hit) for (const id of hit.patternIds) (this.startsByPattern[id] ??= []).push(start);
  }
}

/** Every pattern declared so far (for tests that hold each one to the global-scan contract). */
export function registeredPatterns(): readonly TriggeredPattern[] {
  return registry;
}

export function scanWords(text: string): WordScan {
  return new WordScan(text);
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
  const words = [...patternIdsByWord.keys()].sort((a, b) => b.length - a.length);
  const lowerCaseWords = words.length ? `\\b(?:${words.join('|')})\\b|` : '';
  // Capitals: ASCII at a word boundary or after an underscore (Markdown's _Kommersant_), or a non-ASCII character
  // in a block that has capitals. General punctuation (curly quotes, dashes) is left out on purpose, and
  // \\p{Lu} itself is several times slower.
  const re = new RegExp(`${lowerCaseWords}\\b[A-Z]|_[A-Z]|[\\u00c0-\\u1fff\\u2100-\\u218f\\u2c00-\\ud7ff\\uf900-\\uffff\\ud800-\\udbff]`, 'g');
  scanner = { re, buckets, patterns: registry.length };
  return scanner;
}

function isAsciiLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122;
}

/** What \\b counts as a word character: ASCII letters, digits and the underscore. */
function isAsciiWordChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95;
}

/** The first word of each phrase, lower-cased: the trigger words of a pattern built from a cue list. */
export function firstWordsOf(phrases: readonly string[]): string[] {
  return [...new Set(phrases.map((p) => p.trim().split(/\s+/)[0].toLowerCase()))];
}
