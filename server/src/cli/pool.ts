/**
 * `cis-lens check --jobs N`: articles analysed on N worker threads, reported in command-line order.
 *
 * Each worker runs the bundled CLI file again (it sees it is not the main thread and calls `runWorker`), loads
 * its own knowledge base, and then takes one article index at a time: it reads, analyses and renders the article
 * (`checkFile`) and sends back the rendered piece, which is small next to the analysis. The main thread only
 * hands out work, puts results back in order and writes them. Work is handed out as workers finish, so a long
 * article on one thread does not hold the others up; how far ahead of the output they may run is bounded, so the
 * results waiting for their turn stay few.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { CliOptions } from './args';
import { checkFile, noteCollector, printNotes, reporterFor, type FileResult, type Note } from './checkFile';
import type { PathError } from './files';
import type { ReporterOptions } from './report';
import { openSession, type Messages } from './session';

/** Articles a worker holds at once: one being analysed and one waiting, so it never idles on a round trip. */
const PER_WORKER = 2;
/** How many articles past the first unreported one may be handed out. */
const AHEAD_PER_WORKER = 64;

interface WorkerSetup {
  readonly options: CliOptions;
  readonly reporterOptions: Omit<ReporterOptions, 'write'>;
}

type ToWorker = { readonly index: number; readonly file: string };
type FromWorker =
  | { readonly type: 'ready'; readonly kbErrors: readonly PathError[]; readonly notes: readonly Note[] }
  | { readonly type: 'result'; readonly index: number; readonly result: FileResult };

export interface PoolRun {
  readonly script: string;
  readonly threads: number;
  readonly files: readonly string[];
  readonly options: CliOptions;
  readonly reporterOptions: ReporterOptions;
  readonly messages: Messages;
  /** Receives every article's result exactly once, in the order of `files`. */
  readonly add: (result: FileResult) => void;
}

/** Runs the batch on worker threads; resolves with the knowledge-base errors once every article is added. */
export function checkInWorkers(run: PoolRun): Promise<PathError[]> {
  const { files, messages } = run;
  const { write: _write, ...reporterOptions } = run.reporterOptions;
  const setup: WorkerSetup = { options: run.options, reporterOptions };
  const done: (FileResult | undefined)[] = new Array(files.length);
  const held = new Map<Worker, Set<number>>();
  let next = 0;
  let reported = 0;
  let kbErrors: PathError[] | undefined;

  return new Promise((resolve) => {
    const finishIfDone = () => {
      if (reported < files.length) return;
      for (const worker of held.keys()) void worker.terminate();
      held.clear();
      resolve(kbErrors ?? []);
    };
    const report = () => {
      while (reported < files.length && done[reported] !== undefined) {
        run.add(done[reported]!);
        done[reported] = undefined;
        reported++;
        messages.progress?.(reported, files.length);
      }
    };
    const feed = () => {
      for (const [worker, indexes] of held) {
        while (indexes.size < PER_WORKER && next < files.length && next < reported + AHEAD_PER_WORKER * held.size) {
          indexes.add(next);
          worker.postMessage({ index: next, file: files[next]! } satisfies ToWorker);
          next++;
        }
      }
    };
    /** A worker that died: its articles are reported as errors, the others carry on (or this thread does). */
    const lost = (worker: Worker, why: string) => {
      const indexes = held.get(worker);
      if (!indexes) return;
      held.delete(worker);
      for (const index of indexes) done[index] = { kind: 'error', path: files[index]!, message: `internal error while checking: ${why}`, notes: [] };
      if (held.size === 0) finishHere();
      report();
      feed();
      finishIfDone();
    };
    /** No worker left: the rest of the batch runs on this thread. */
    const finishHere = () => {
      if (next >= files.length) return;
      const session = openSession(run.options, messages);
      kbErrors ??= [...session.kbErrors];
      const reporter = reporterFor(run.options.format ?? 'text', run.reporterOptions);
      for (; next < files.length; next++) done[next] = checkFile(files[next]!, session, run.options, reporter);
    };

    messages.progress?.(0, files.length);
    for (let i = 0; i < run.threads; i++) {
      const worker = new Worker(run.script, { workerData: setup });
      held.set(worker, new Set());
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          // Every worker loads the same knowledge base; its problems are printed once.
          if (kbErrors === undefined) {
            kbErrors = [...message.kbErrors];
            printNotes(message.notes, messages);
          }
          return;
        }
        held.get(worker)?.delete(message.index);
        done[message.index] = message.result;
        report();
        feed();
        finishIfDone();
      });
      worker.on('error', (e) => lost(worker, e.message));
      worker.on('exit', (code) => lost(worker, `worker thread exited with code ${code}`));
    }
    feed();
  });
}

/** The worker side: load the knowledge base once, then check the articles the main thread sends. */
export function runWorker(): void {
  const port = parentPort;
  if (!port) return;
  const { options, reporterOptions } = workerData as WorkerSetup;
  const { messages, notes } = noteCollector();
  const session = openSession(options, messages);
  port.postMessage({ type: 'ready', kbErrors: [...session.kbErrors], notes } satisfies FromWorker);
  const reporter = reporterFor(options.format ?? 'text', {
    ...reporterOptions,
    write: () => {
      throw new Error('a worker renders articles; only the main thread writes the report');
    },
  });
  port.on('message', ({ index, file }: ToWorker) => {
    port.postMessage({ type: 'result', index, result: checkFile(file, session, options, reporter) } satisfies FromWorker);
  });
}
