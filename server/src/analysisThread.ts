/**
 * The server's side of its analysis worker: long documents are analysed on a worker thread, so while one is
 * analysed the server keeps answering requests on the others (issue 16).
 *
 * - Started lazily, on the first analysis posted (the worker loads its own copy of the knowledge base, tens of
 *   megabytes, which a session with only short documents never pays for), and stopped by the server when no
 *   long document is open any more, or on shutdown.
 * - One analysis at a time, in the order posted. Nothing is cancelled: the server posts a document's next
 *   version only once the previous one is back (`AnalysisScheduler`) and drops results that are stale by then.
 * - A failed analysis rejects its promise; a worker that dies (crash, out of memory, exit) rejects everything
 *   waiting and is never started again in this session, and the server analyses on its own thread instead.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisInput } from './documentAnalysis';
import type { AnalysisResult, FromWorker, KbFiles, ToWorker } from './analysisMessages';
import type { QueryAnswer, QueryName, QueryParams } from './articleQueries';

type Answer = Exclude<FromWorker, { type: 'failed' }>;

interface Waiting {
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: Error) => void;
}

export class AnalysisThread {
  private worker: Worker | undefined;
  private broken: string | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  /** Analyses the worker has returned since the server started. */
  completed = 0;

  /** `script` is the worker's bundle; `files` the knowledge base it loads when it starts. */
  constructor(private readonly script: string, private files: KbFiles, private readonly log: (message: string) => void) {}

  /** False once the worker has died: the server then analyses everything itself. */
  get usable(): boolean {
    return this.broken === undefined;
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Messages posted and not yet answered (analyses and queries). */
  get inFlight(): number {
    return this.waiting.size;
  }

  /** Analyses `input` on the worker, starting it if needed. Rejects if the analysis fails or the worker dies. */
  async analyse(input: AnalysisInput): Promise<AnalysisResult> {
    const answer = await this.ask((id) => ({ type: 'analyse', id, input }));
    if (answer.type !== 'result') throw new Error(`the analysis worker answered ${answer.type} to an analysis`);
    this.completed++;
    return { findings: answer.findings, entries: answer.entries };
  }

  /**
   * The answer to a query (articleQueries.ts) on `version` of the document, if that is the worker's last analysis
   * of it; undefined if it is not (a newer version was analysed, or the document was forgotten). Rejects if the
   * query failed there, or the worker was stopped or died.
   */
  async query<N extends QueryName>(uri: string, version: number, name: N, params: QueryParams<N>): Promise<{ answer: QueryAnswer<N> } | undefined> {
    const answer = await this.ask((id) => ({ type: 'query', id, uri, version, name, params }));
    if (answer.type === 'missing') return undefined;
    if (answer.type !== 'answer') throw new Error(`the analysis worker answered ${answer.type} to a query`);
    return { answer: answer.answer as QueryAnswer<N> };
  }

  /** Posts the message built for a new id, starting the worker if needed; settles with the worker's answer. */
  private ask(message: (id: number) => ToWorker): Promise<Answer> {
    if (this.broken !== undefined) return Promise.reject(new Error(this.broken));
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post(worker, message(id));
    });
  }

  /** The knowledge base was reloaded: analyses posted from now on use the new one. */
  setKnowledgeBase(files: KbFiles): void {
    this.files = files;
    if (this.worker) this.post(this.worker, { type: 'knowledgeBase', files });
  }

  /** The document was closed. */
  forget(uri: string): void {
    if (this.worker) this.post(this.worker, { type: 'forget', uri });
  }

  /** Stops the worker (it is started again by the next analysis); whatever was waiting is rejected. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.rejectAll('the analysis worker was stopped');
    await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: { files: this.files } });
    // The worker never keeps the server alive: the connection decides when the server ends.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.received(message));
    worker.on('error', (error) => this.died(worker, (error as Error)?.stack ?? String(error)));
    worker.on('exit', (code) => this.died(worker, `it exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private post(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }

  private received(message: FromWorker): void {
    const waiter = this.waiting.get(message.id);
    if (!waiter) return;
    this.waiting.delete(message.id);
    if (message.type === 'failed') return waiter.reject(new Error(message.error));
    waiter.resolve(message);
  }

  private died(worker: Worker, why: string): void {
    if (this.worker !== worker) return; // stopped on purpose, or already reported
    this.worker = undefined;
    this.broken = `the analysis worker stopped (${why}); analysing on the server's own thread from now on`;
    this.log(`CIS Lens: ${this.broken}`);
    this.rejectAll(this.broken);
  }

  private rejectAll(why: string): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(new Error(why));
  }
}
