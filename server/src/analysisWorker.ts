/**
 * The analysis worker thread (bundled as dist/analysisWorker.js): loads the knowledge base once, then
 * analyses the document versions the server posts, one at a time, and posts each result back; it keeps each
 * document's last analysis and answers the server's queries on it (hover, Outline, …: articleQueries.ts)
 * (see analysisThread.ts for the server's side, analysisMessages.ts for the messages).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runQuery, type QueryName } from './articleQueries';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { analyseDocument, forgetDocument, type AnalysisInput } from './documentAnalysis';
import { loadKnowledgeBase } from './kbLoader';
import type { ReviewedArticle } from './core/review';
import { resultOf, type FromWorker, type KbFiles, type ToWorker } from './analysisMessages';

let kb: KnowledgeBase | undefined;
let kbError = '';
/** Per document, its last analysis on this thread, which the server's queries read. */
const lastAnalysis = new Map<string, LastAnalysis>();

interface LastAnalysis {
  readonly version: number;
  readonly article: ReviewedArticle;
  /** The analysed text as a document (for ranges), made on the first query: its line index is built once per version. */
  doc?: TextDocument;
}

function load(files: KbFiles): void {
  // What was analysed with the old knowledge base is not queried with the new one (the server analyses again).
  lastAnalysis.clear();
  try {
    // Problems in the files are the server's to report (it loads the same files); the worker only needs the entities.
    kb = loadKnowledgeBase(files.builtIn, files.user).kb;
  } catch (error) {
    kb = undefined;
    kbError = `the analysis worker could not load the knowledge base: ${describe(error)}`;
  }
}

/**
 * Runs the young-generation collector (a scavenge) now, or does nothing where the runtime does not offer it.
 *
 * Why: an incremental analysis of a 1 MB document allocates about 15 MB, nearly the young generation's size, and
 * its results (the model, the kept paragraph results) live until the next edit replaces them. Left to itself the
 * collector ran in the middle of about every analysis, copying the last version's results once and then promoting
 * them to die in the old generation, where a full collection had to sweep them every 20-odd edits: a quarter of the
 * worker's time. Run when an analysis has been posted, while the server publishes it, a scavenge finds the young
 * generation full of that analysis's garbage and copies its results once; by the next collection they are garbage
 * too, so nothing is promoted, and the next analysis starts with the young generation empty and, measured on the
 * bench's 1 MB edits, no collection inside it.
 */
const collectYoungGeneration = youngCollector();

function youngCollector(): () => void {
  try {
    // The collector is a V8 function exposed only by a flag; set for the moment of taking it, then unset.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? () => gc({ type: 'minor' }) : () => undefined;
  } catch {
    return () => undefined;
  }
}

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

function describe(error: unknown): string {
  return (error as Error)?.stack ?? String(error);
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'knowledgeBase':
      load(message.files);
      return;
    case 'forget':
      forgetDocument(message.uri);
      lastAnalysis.delete(message.uri);
      return;
    case 'analyse':
      return analyse(message.id, message.input);
    case 'query':
      return answer(message.id, message.uri, message.version, message.name, message.params);
  }
}

function analyse(id: number, input: AnalysisInput): void {
  if (!kb) return post({ type: 'failed', id, error: kbError });
  lastAnalysis.delete(input.uri);
  try {
    const article = analyseDocument(input, kb);
    lastAnalysis.set(input.uri, { version: input.version, article });
    post({ type: 'result', id, ...resultOf(article) });
    setImmediate(collectYoungGeneration);
  } catch (error) {
    post({ type: 'failed', id, error: describe(error) });
  }
}

function answer(id: number, uri: string, version: number, name: QueryName, params: unknown): void {
  const last = lastAnalysis.get(uri);
  if (!last || last.version !== version || !kb) return post({ type: 'missing', id });
  try {
    // The analysed text: the document's, or its first lines over the size limit (offsets and lines are the same there).
    last.doc ??= TextDocument.create(uri, 'plaintext', version, last.article.model.text);
    post({ type: 'answer', id, answer: runQuery(name, { doc: last.doc, article: last.article, kb }, params as never) });
  } catch (error) {
    post({ type: 'failed', id, error: describe(error) });
  }
}

if (parentPort) {
  load((workerData as { files: KbFiles }).files);
  parentPort.on('message', handle);
}
