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
 * - An analysis may finish later (a long document is analysed on a worker thread, see analysisThread.ts): then
 *   a document has at most one analysis running, and a change that arrives meanwhile is analysed, on the newest
 *   text, as soon as it ends. The running one is not cancelled; its result, stale by then, is the caller's to
 *   drop (latest version wins).
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

/** Analyses a document's newest text; a promise when the analysis ends later (on a worker thread). */
export type Analyse = (uri: string) => void | Promise<void>;

/** How many times a request waits for a document to settle before it takes what there is (a document edited without pause never settles). */
const SETTLE_ROUNDS = 3;

export class AnalysisScheduler {
  private readonly scheduled = new Map<string, Scheduled>();

  /** Analyses that end later, by document: at most one each. */
  private readonly running = new Map<string, Promise<void>>();

  /** How long the last analysis of each document took (ms): a burst on a long document waits longer between analyses. */
  private readonly lastDuration = new Map<string, number>();

  constructor(private readonly analyse: Analyse, private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS) {}

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

  /**
   * Resolves when nothing is scheduled or running for `uri` any more (at once when nothing is). A document that
   * keeps changing is waited for a few rounds, then the caller goes on with what there is.
   */
  async settled(uri: string): Promise<void> {
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      const current = this.scheduled.get(uri);
      if (current) await new Promise<void>((resolve) => current.waiters.push(resolve));
      else {
        const running = this.running.get(uri);
        if (!running) return;
        await running;
      }
    }
  }

  /** True while an analysis of `uri` is scheduled or running. */
  isScheduled(uri: string): boolean {
    return this.scheduled.has(uri) || this.running.has(uri);
  }

  /** Drops what is scheduled for `uri` (the document was closed); anyone waiting is released. */
  forget(uri: string): void {
    this.lastDuration.delete(uri);
    // An analysis still running ends on its own (its result is dropped); it must not leave its time behind.
    void this.running.get(uri)?.then(() => this.lastDuration.delete(uri));
    const current = this.scheduled.get(uri);
    if (!current) return;
    current.cancel();
    this.scheduled.delete(uri);
    for (const resolve of current.waiters) resolve();
  }

  private fire(uri: string, entry: Scheduled): void {
    if (this.scheduled.get(uri) !== entry) return;
    const running = this.running.get(uri);
    if (running) {
      // One analysis per document at a time: the newest text is analysed when the running one ends.
      void running.then(() => this.fire(uri, entry));
      return;
    }
    this.scheduled.delete(uri);
    const started = performance.now();
    let done: Promise<void> | undefined;
    const finish = () => {
      if (done && this.running.get(uri) === done) this.running.delete(uri);
      this.lastDuration.set(uri, performance.now() - started);
      for (const resolve of entry.waiters) resolve();
    };
    let later: void | Promise<void>;
    try {
      later = this.analyse(uri);
    } catch (error) {
      finish();
      throw error;
    }
    if (!later) return finish();
    done = later.then(finish, finish);
    this.running.set(uri, done);
  }
}
