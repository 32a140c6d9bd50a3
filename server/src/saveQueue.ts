/**
 * The server's side of saving annotations: changes waiting to be written, per annotation file.
 *
 * A change is kept here until `AnnotationStore.save` has written it. Changes submitted while a save is running
 * go out together in the next one, so a burst of verdicts costs a few writes, not one lock round per verdict.
 * A save that fails (the lock stayed busy, the disk refused, the file is damaged) leaves its change here: the
 * caller is told it was not saved, the annotation stays in memory (`pendingFor` lets the editor keep showing
 * it) and the save is retried with a growing pause, and at once when `retry` is called (the file changed).
 * Nothing is acknowledged before it is in the file, and nothing waiting is dropped.
 */
import type { AnnotationChange, AnnotationStore, SaveResult } from './annotationStore';
import { combineChanges, isEmptyChange } from './core/annotations/merge';
import type { Annotation } from './core/annotations/model';
import type { LockOptions } from './fileLock';

export interface SaveEvents {
  /** A save wrote the file; `annotations` are now in it. `retried`: it held changes an earlier save failed to write. */
  saved(articlePath: string, annotations: readonly Annotation[], retried: boolean): void;
  /** A save failed; its changes wait for the next try. */
  failed(articlePath: string, error: string): void;
}

export const FIRST_RETRY_MS = 1000;
export const MAX_RETRY_MS = 30000;

interface FileQueue {
  pending: AnnotationChange;
  waiters: ((result: SaveResult) => void)[];
  running: boolean;
  /** Pending changes include some an earlier save failed to write. */
  failedBefore: boolean;
  retryMs: number;
  timer?: NodeJS.Timeout;
}

export class SaveQueue {
  private readonly files = new Map<string, FileQueue>();

  constructor(private readonly store: AnnotationStore, private readonly events: SaveEvents, private readonly lock: LockOptions = {}) {}

  /** Queues `change` and resolves with the outcome of the save that carried it. Never rejects. */
  submit(articlePath: string, change: AnnotationChange): Promise<SaveResult> {
    const queue = this.queueFor(articlePath);
    queue.pending = combineChanges(queue.pending, change);
    const done = new Promise<SaveResult>((resolve) => queue.waiters.push(resolve));
    void this.run(articlePath, queue);
    return done;
  }

  /** What is waiting to be written for this article (empty when nothing is). */
  pendingFor(articlePath: string): AnnotationChange {
    return this.files.get(articlePath)?.pending ?? {};
  }

  /** Tries the waiting changes for this article now (after the file changed, say). */
  retry(articlePath: string): void {
    const queue = this.files.get(articlePath);
    if (queue && !isEmptyChange(queue.pending)) void this.run(articlePath, queue);
  }

  /** Articles with changes still waiting. */
  waiting(): string[] {
    return [...this.files].filter(([, q]) => !isEmptyChange(q.pending)).map(([p]) => p);
  }

  /** One last try of everything waiting (on shutdown); resolves when each has been tried once. */
  async flushAll(): Promise<void> {
    await Promise.all(this.waiting().map((p) => this.submit(p, {})));
  }

  /** Stops the retry timers (the changes stay listed). */
  dispose(): void {
    for (const q of this.files.values()) if (q.timer) clearTimeout(q.timer);
  }

  private queueFor(articlePath: string): FileQueue {
    let queue = this.files.get(articlePath);
    if (!queue) {
      queue = { pending: {}, waiters: [], running: false, failedBefore: false, retryMs: FIRST_RETRY_MS };
      this.files.set(articlePath, queue);
    }
    return queue;
  }

  private async run(articlePath: string, queue: FileQueue): Promise<void> {
    if (queue.running) return;
    queue.running = true;
    if (queue.timer) clearTimeout(queue.timer);
    queue.timer = undefined;
    try {
      while (!isEmptyChange(queue.pending) || queue.waiters.length > 0) {
        const taking = queue.pending;
        const waiters = queue.waiters;
        const retried = queue.failedBefore;
        queue.pending = {};
        queue.waiters = [];
        const result = isEmptyChange(taking) ? { ok: true as const, file: '', annotations: [] } : await this.store.save(articlePath, taking, this.lock);
        if (result.ok) {
          queue.failedBefore = false;
          queue.retryMs = FIRST_RETRY_MS;
          if (!isEmptyChange(taking)) this.events.saved(articlePath, result.annotations, retried);
          for (const w of waiters) w(result);
          continue;
        }
        // Put the change back under anything submitted meanwhile (a later change to the same id wins).
        queue.pending = combineChanges(taking, queue.pending);
        queue.failedBefore = true;
        for (const w of waiters) w(result);
        this.events.failed(articlePath, result.error);
        queue.timer = setTimeout(() => void this.run(articlePath, queue), queue.retryMs);
        queue.timer.unref?.();
        queue.retryMs = Math.min(MAX_RETRY_MS, queue.retryMs * 2);
        break;
      }
    } finally {
      queue.running = false;
    }
  }
}
