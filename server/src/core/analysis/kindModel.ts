/**
 * The kind classifier: a name the rules found but could not type (kind `other`: "Konami", "Bowling Green
 * Falcons", "Avenged Sevenfold") gets person, place or organisation from a small learned model, or stays
 * `other`. Spans never change here; only the kind of an untyped name does.
 *
 * The model is a multinomial logistic regression over the name's own words (the words, the last word's
 * ending, its shape, what the name lists say of each word) and the words around it ("played for X", "X's
 * album", "in X", "X, a band"). A name's mentions in one document are decided together (their scores
 * averaged), so one name keeps one kind, and a kind is given only when its probability clears `threshold`.
 *
 * Weights are data (`data/kind-model.json`), trained by `npm run train:kinds` (scripts/ner/train-kinds.mjs)
 * on freely licensed corpora; the features come from this file for both training and tagging. Features are
 * stored as 32-bit hashes of their names (sorted, searched by bisection) so that no string table is built.
 */
import type { MentionKind } from '../types';

export const KIND_CLASSES = ['none', 'person', 'place', 'organization'] as const;
export type KindClass = (typeof KIND_CLASSES)[number];
const CLASS_COUNT = KIND_CLASSES.length;

export interface KindModelFile {
  readonly $comment?: string;
  readonly classes: readonly string[];
  /** Weights are 16-bit integers; divide by `scale`. */
  readonly scale: number;
  /** The probability a kind needs before it is given. */
  readonly threshold: number;
  /** Base64 of little-endian Uint32 FNV-1a hashes of the feature names, ascending. */
  readonly hashes: string;
  /** Base64 of little-endian Int16 weights, CLASS_COUNT per hash, in the order of `hashes`. */
  readonly weights: string;
}

/** What the name lists say of one word ("given", "common", "gaz=city" …); names.ts supplies it. */
export type WordFacts = (word: string) => readonly string[];

/** FNV-1a over UTF-16 code units: a feature's key in the weights file. */
export function featureHash(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
/** How far either side of a name the context is read (characters, within its line). */
const REACH = 60;
const CONTEXT_WORDS = 3;
const SENTENCE_MARKS = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '(', '—', '–', '|', '•', '*', '#', '>']);

function tokensIn(text: string, from: number, to: number): string[] {
  return text.slice(from, to).match(TOKEN) ?? [];
}

function lineStartBefore(text: string, offset: number, floor: number): number {
  for (let i = offset - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor;
}

function lineEndAfter(text: string, offset: number, ceiling: number): number {
  for (let i = offset; i < ceiling; i++) if (text.charCodeAt(i) === 10) return i;
  return ceiling;
}

/** A word's shape: X for capitals, x for small letters, d for digits, runs collapsed ("Xx", "XX", "dXx"). */
export function shapeOf(word: string): string {
  let s = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (s[s.length - 1] !== c) s += c;
    if (s.length >= 6) break;
  }
  return s;
}

/** The features of the name at [start, end) of `text`: its words, its shape, list facts, and the words around it. */
export function kindFeatures(text: string, start: number, end: number, facts: WordFacts): string[] {
  const words = text.slice(start, end).split(/\s+/).filter((w) => w.length > 0);
  if (!words.length) return ['b'];
  const first = words[0];
  const last = words[words.length - 1];
  const lower = last.toLowerCase();
  // 'u': the name is one the rules left untyped (always so in analysis; the trainer also learns from gold
  // names the rules typed, without it, so that 'u' carries how often an untyped name is no name at all).
  const f = ['b', 'u', `n=${Math.min(words.length, 4)}`, `f=${first}`, `l=${last}`, `ll=${lower}`, `s3=${lower.slice(-3)}`, `s4=${lower.slice(-4)}`];
  f.push(`sh=${words.slice(0, 4).map(shapeOf).join(' ')}`);
  const known = words.map(facts);
  for (let i = 0; i < words.length; i++) {
    f.push(`w=${words[i]}`);
    for (const fact of known[i]) f.push(`fa=${fact}`);
  }
  for (const fact of known[0]) f.push(`ffa=${fact}`);
  if (words.length > 1) for (const fact of known[words.length - 1]) f.push(`lfa=${fact}`);
  const before = tokensIn(text, lineStartBefore(text, start, Math.max(0, start - REACH)), start).slice(-CONTEXT_WORDS);
  const after = tokensIn(text, end, lineEndAfter(text, end, Math.min(text.length, end + REACH))).slice(0, CONTEXT_WORDS);
  const p = (k: number): string => (before.length >= k ? before[before.length - k].toLowerCase() : '<s>');
  const n = (k: number): string => (after.length >= k ? after[k - 1].toLowerCase() : '</s>');
  f.push(`p1=${p(1)}`, `p2=${p(2)}`, `p3=${p(3)}`, `p21=${p(2)}_${p(1)}`, `n1=${n(1)}`, `n2=${n(2)}`, `n3=${n(3)}`, `n12=${n(1)}_${n(2)}`);
  if (!before.length || SENTENCE_MARKS.has(before[before.length - 1])) f.push('si');
  else if (/^\p{Lu}/u.test(before[before.length - 1])) f.push('p1cap');
  return f;
}

export class KindModel {
  private readonly hashes: Uint32Array;
  private readonly weights: Int16Array;
  private readonly scale: number;
  readonly threshold: number;

  constructor(file: KindModelFile) {
    if (file.classes.join() !== KIND_CLASSES.join()) throw new Error('kind model: the classes in the file are not the classifier’s');
    this.hashes = uint32s(file.hashes);
    this.weights = int16s(file.weights);
    if (this.weights.length !== this.hashes.length * CLASS_COUNT) throw new Error('kind model: weights and hashes differ in length');
    this.scale = file.scale;
    this.threshold = file.threshold;
  }

  /** Per-class scores (logits) of a feature list. */
  logits(features: readonly string[]): Float64Array {
    const out = new Float64Array(CLASS_COUNT);
    for (const feature of features) {
      const i = this.indexOf(featureHash(feature));
      if (i < 0) continue;
      for (let k = 0; k < CLASS_COUNT; k++) out[k] += this.weights[i * CLASS_COUNT + k] / this.scale;
    }
    return out;
  }

  private indexOf(hash: number): number {
    let lo = 0;
    let hi = this.hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = this.hashes[mid];
      if (h === hash) return mid;
      if (h < hash) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

function bytesOf(base64: string): Uint8Array {
  const buffer = Buffer.from(base64, 'base64');
  // A copy aligned for typed arrays of wider elements.
  return new Uint8Array(buffer);
}

function uint32s(base64: string): Uint32Array {
  const bytes = bytesOf(base64);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
}

function int16s(base64: string): Int16Array {
  const bytes = bytesOf(base64);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
}

/** Softmax of logits. */
export function probabilities(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const z of logits) if (z > max) max = z;
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let k = 0; k < logits.length; k++) sum += out[k] = Math.exp(logits[k] - max);
  for (let k = 0; k < logits.length; k++) out[k] /= sum;
  return out;
}

export interface UntypedName {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface KindDecision {
  readonly kind: MentionKind;
  readonly probability: number;
}

/**
 * The kind of each untyped name, or undefined where the model is not sure enough. The mentions of one name
 * (the same words) are decided together: the mean of their scores, so one name keeps one kind.
 */
export function decideKinds(text: string, names: readonly UntypedName[], model: KindModel, facts: WordFacts): (KindDecision | undefined)[] {
  const sums = new Map<string, { logits: Float64Array; count: number }>();
  for (const name of names) {
    const logits = model.logits(kindFeatures(text, name.start, name.end, facts));
    const seen = sums.get(name.text);
    if (!seen) sums.set(name.text, { logits, count: 1 });
    else {
      for (let k = 0; k < CLASS_COUNT; k++) seen.logits[k] += logits[k];
      seen.count++;
    }
  }
  const decided = new Map<string, KindDecision | undefined>();
  for (const [key, { logits, count }] of sums) {
    for (let k = 0; k < CLASS_COUNT; k++) logits[k] /= count;
    const p = probabilities(logits);
    let best = 0;
    for (let k = 1; k < CLASS_COUNT; k++) if (p[k] > p[best]) best = k;
    decided.set(key, best > 0 && p[best] >= model.threshold ? { kind: KIND_CLASSES[best] as MentionKind, probability: p[best] } : undefined);
  }
  return names.map((n) => decided.get(n.text));
}
