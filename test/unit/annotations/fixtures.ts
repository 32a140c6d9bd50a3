/** Test helpers for the annotation tests: a hand-made ArticleModel and a plain edit distance. */
import type { ArticleModel, Claim, EntityMention, Finding, Quote, Span } from '../../../server/src/core/types';

export function spanOf(text: string, needle: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  return { start: at, end: at + needle.length };
}

export function mention(text: string, needle: string, kind: EntityMention['kind'], id: string | null, occurrence = 0): EntityMention {
  const s = spanOf(text, needle, occurrence);
  return { ...s, text: needle, kind, id, name: needle, via: 'name' };
}

export function claim(text: string, needle: string, kind: Claim['kind'] = 'number'): Claim {
  const s = spanOf(text, needle);
  return { ...s, text: needle, kind, sentence: { start: 0, end: text.length } };
}

export function quote(text: string, words: string, speaker?: { needle: string; id: string | null; occurrence?: number }): Quote {
  const s = spanOf(text, words);
  const sp = speaker ? spanOf(text, speaker.needle, speaker.occurrence ?? 0) : undefined;
  return {
    ...s,
    text: words,
    outer: { start: s.start - 1, end: s.end + 1 },
    kind: 'speech',
    speaker: sp ? { ...sp, name: speaker!.needle, id: speaker!.id, how: 'direct' } : null,
    cue: sp ? 'said' : null,
    unclosed: false,
  };
}

export function finding(span: Span, code: string, severity: Finding['severity'] = 'warning'): Finding {
  return { ...span, code, severity, message: `${code} here` };
}

export function makeModel(text: string, parts: Partial<Omit<ArticleModel, 'text'>> = {}): ArticleModel {
  return {
    text,
    paragraphs: [],
    entities: [],
    quotes: [],
    claims: [],
    date: { date: '2024-03-01', assumed: '2024-03-01', source: 'dateline' },
    diagnostics: [],
    ...parts,
  };
}

/** Plain Levenshtein distance (the reference the anchoring code is checked against). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** A deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['the', 'minister', 'said', 'Moscow', 'Kazakhstan', 'summit', 'on', 'Tuesday', 'of', 'and', 'gas', 'prices', 'rose', 'by', 'percent', 'Tokayev', 'Minsk', 'talks', 'in', 'a', 'statement', 'officials', 'border', 'agreement'];

/** About `size` code units of article-like text, deterministic for a seed. */
export function bigArticle(size: number, seed = 1): string {
  const next = rng(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const w = WORDS[Math.floor(next() * WORDS.length)]!;
    const n = Math.floor(next() * 1000);
    const piece = next() < 0.08 ? `${w} ${n}.\n` : `${w} `;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}
