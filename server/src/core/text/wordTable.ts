/**
 * A map from words to what is known about them, for scanners that meet the same words over and over
 * (capitalised names, quote vocabulary). The scanner computes the word's hash with `hashStep` as it steps
 * over its characters; a lookup then compares the text in place, so a word seen before is never cut out
 * of the text or hashed again by the engine.
 *
 * Open addressing over a typed array of hashes: a lookup is a few array reads, where a `Map` keyed by the
 * hash was a measurable share of the entity matcher's time (it runs for every capitalised word).
 */

import { matchesAt } from './chars';

/** The hash of a word so far, extended by one UTF-16 code unit. Start from 0. */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** The `hashStep` hash of text[start, end) (by default the whole text), for callers that have no scan to compute it in. */
export function hashOf(text: string, start = 0, end = text.length): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

const INITIAL_CAPACITY = 256; // a power of two
/** Grown when more than half full, so probe runs stay short. */
const MAX_LOAD = 0.5;

export class WordTable<V> {
  private hashes!: Int32Array;
  /** undefined marks an empty slot (every stored word is a string). */
  private words!: (string | undefined)[];
  private values!: (V | undefined)[];
  /** 32 minus log2 of the capacity: a hash's home slot is its mixed hash's top bits. */
  private shift!: number;
  private count = 0;

  constructor() {
    this.emptySlots(INITIAL_CAPACITY);
  }

  get size(): number {
    return this.count;
  }

  /** The value for text[start, end), whose hash is `hash`, or undefined. */
  get(text: string, start: number, end: number, hash: number): V | undefined {
    const mask = this.hashes.length - 1;
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & mask) {
      const word = this.words[slot];
      if (word === undefined) return undefined;
      if (this.hashes[slot] === hash && spells(text, start, end, word)) return this.values[slot];
    }
  }

  /** Records `value` for `word`, whose hash is `hash` (the caller has checked it is not there yet). */
  add(word: string, hash: number, value: V): void {
    if (this.count + 1 > this.hashes.length * MAX_LOAD) this.grow();
    this.place(word, hash, value);
    this.count++;
  }

  clear(): void {
    this.emptySlots(INITIAL_CAPACITY);
    this.count = 0;
  }

  /** Replaces the slots with `capacity` empty ones (a power of two). */
  private emptySlots(capacity: number): void {
    this.hashes = new Int32Array(capacity);
    this.words = new Array(capacity).fill(undefined);
    this.values = new Array(capacity).fill(undefined);
    this.shift = 32 - Math.log2(capacity);
  }

  private place(word: string, hash: number, value: V): void {
    const mask = this.hashes.length - 1;
    let slot = slotOf(hash, this.shift);
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.words[slot] = word;
    this.values[slot] = value;
  }

  private grow(): void {
    const { hashes, words, values } = this;
    this.emptySlots(hashes.length * 2);
    for (let slot = 0; slot < hashes.length; slot++) {
      const word = words[slot];
      if (word !== undefined) this.place(word, hashes[slot], values[slot] as V);
    }
  }
}

/** The home slot of a hash: the top bits of the hash times 2^32/φ (Fibonacci hashing), which mixes in every letter. */
function slotOf(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}

/** Whether text[start, end) is `word`. */
function spells(text: string, start: number, end: number, word: string): boolean {
  return word.length === end - start && matchesAt(text, start, word);
}
