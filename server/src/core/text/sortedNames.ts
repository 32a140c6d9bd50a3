/**
 * A long list of names kept as one string (names sorted by UTF-16 code units, joined by "\n") and searched
 * by bisection. Tens of thousands of names cost their characters plus four bytes each for the index (built
 * on the first lookup), where a Set of strings would cost several megabytes of heap.
 */
export class SortedNameList {
  private starts: Uint32Array | undefined;

  constructor(private readonly joined: string) {}

  /** How many names the list holds. */
  get size(): number {
    return this.index().length;
  }

  has(name: string): boolean {
    if (!name || name.includes('\n')) return false;
    const starts = this.index();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.compareAt(starts[mid], name);
      if (order === 0) return true;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** The order of the name starting at `start` against `name`: negative when it sorts before. */
  private compareAt(start: number, name: string): number {
    const text = this.joined;
    for (let i = 0; ; i++) {
      const at = start + i;
      const ended = at >= text.length || text.charCodeAt(at) === 10;
      if (i === name.length) return ended ? 0 : 1;
      if (ended) return -1;
      const diff = text.charCodeAt(at) - name.charCodeAt(i);
      if (diff !== 0) return diff;
    }
  }

  private index(): Uint32Array {
    if (this.starts) return this.starts;
    const text = this.joined;
    let count = text.length ? 1 : 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Uint32Array(count);
    let k = 0;
    if (text.length) starts[k++] = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
    this.starts = starts;
    return starts;
  }
}
