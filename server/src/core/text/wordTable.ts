/**
 * A map from words to what is known about them, for scanners that meet the same words over and over
 * (capitalised names, quote vocabulary). The scanner computes the word's hash with `hashStep` as it steps
 * over its characters; a lookup then compares the text in place, so a word seen before is never cut out
 * of the text or hashed again by the engine.
 */

interface Entry<V> {
  readonly word: string;
  readonly value: V;
  /** Another word with the same hash. */
  readonly next: Entry<V> | undefined;
}

/** The hash of a word so far, extended by one UTF-16 code unit. Start from 0. */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

export class WordTable<V> {
  private readonly byHash = new Map<number, Entry<V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value for text[start, end), whose hash is `hash`, or undefined. */
  get(text: string, start: number, end: number, hash: number): V | undefined {
    for (let entry = this.byHash.get(hash); entry; entry = entry.next) {
      if (entry.word.length === end - start && text.startsWith(entry.word, start)) return entry.value;
    }
    return undefined;
  }

  /** Records `value` for `word`, whose hash is `hash` (the caller has checked it is not there yet). */
  add(word: string, hash: number, value: V): void {
    this.byHash.set(hash, { word, value, next: this.byHash.get(hash) });
    this.count++;
  }

  clear(): void {
    this.byHash.clear();
    this.count = 0;
  }
}
