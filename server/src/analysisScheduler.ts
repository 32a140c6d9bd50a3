/**
 * When to analyse a document after it changes: once per burst of edits, never once per version.
 *
 * - A change to a document with nothing scheduled is analysed almost at once (after two turns of the event
 *   loop, so messages already received are read first): a person typing, or a client that waits for each
 *   version's diagnostics, sees no added delay.
 * - A change that arrives while the previous one is still waiting to be analysed means the client is sending
 *   faster than we analyse (a paste, a refactoring, a script): from then on the analysis waits until the
 *   document has been quiet for `debounceMs`, but never longer than `maxWaitMs` (or twice the document's last
 *   analysis time, if longer) after the burst began, so a long burst still gets diagnostics along the way
 *   without spending most of its time on them. Versions in between are never analysed.
 * - Requests (hover, symbols, tokens) call `settled` and get the analysis of the newest text once it has run,
 *   instead of starting one of their own for a version that is about to be replaced.
 */
export interface SchedulerOptions {
  /** Quiet time that ends a burst (ms). */
  readonly debounceMs: number;
  /** Longest a burst may put off an analysis (ms). */
  readonly maxWaitMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { debounceMs: 30, maxWaitMs: 300 };

interface Scheduled {
  /** When the first change not yet analysed arrived. */
  readonly since: number;
  cancel: () => void;
  readonly waiters: (() => void)[];
}

export class AnalysisScheduler {
  private readonly scheduled = new Map<string, Scheduled>();

  /** How long the last analysis of each document took (ms): a burst on a long document waits longer between analyses. */
  private readonly lastDuration = new Map<string, number>();

  constructor(private readonly analyse: (uri: string) => void, private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS) {}

  /** The document changed (or must be analysed again). */
  changed(uri: string): void {
    const current = this.scheduled.get(uri);
    if (!current) {
      const entry: Scheduled = { since: Date.now(), cancel: () => undefined, waiters: [] };
      this.scheduled.set(uri, entry);
      let handle = setImmediate(() => {
        handle = setImmediate(() => this.fire(uri, entry));
      });
      entry.cancel = () => clearImmediate(handle);
      return;
    }
    // A burst: wait for a quiet moment, bounded by maxWaitMs from the burst's first change.
    current.cancel();
    const maxWait = Math.max(this.options.maxWaitMs, 2 * (this.lastDuration.get(uri) ?? 0));
    const wait = Math.max(0, Math.min(this.options.debounceMs, current.since + maxWait - Date.now()));
    const timer = setTimeout(() => this.fire(uri, current), wait);
    current.cancel = () => clearTimeout(timer);
  }

  /** Resolves when nothing is scheduled for `uri` any more (at once when nothing is). */
  settled(uri: string): Promise<void> {
    const current = this.scheduled.get(uri);
    if (!current) return Promise.resolve();
    return new Promise((resolve) => current.waiters.push(resolve));
  }

  /** True while an analysis of `uri` is scheduled. */
  isScheduled(uri: string): boolean {
    return this.scheduled.has(uri);
  }

  /** Drops what is scheduled for `uri` (the document was closed); anyone waiting is released. */
  forget(uri: string): void {
    this.lastDuration.delete(uri);
    const current = this.scheduled.get(uri);
    if (!current) return;
    current.cancel();
    this.scheduled.delete(uri);
    for (const resolve of current.waiters) resolve();
  }

  private fire(uri: string, entry: Scheduled): void {
    if (this.scheduled.get(uri) !== entry) return;
    this.scheduled.delete(uri);
    const started = performance.now();
    try {
      this.analyse(uri);
    } finally {
      this.lastDuration.set(uri, performance.now() - started);
      for (const resolve of entry.waiters) resolve();
    }
  }
}
