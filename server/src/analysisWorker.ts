/**
 * The analysis worker thread (bundled as dist/analysisWorker.js): loads the knowledge base once, then
 * analyses the document versions the server posts, one at a time, and posts each result back; it keeps each
 * document's last analysis, whose model the server asks for when a request first needs it
 * (see analysisThread.ts for the server's side, analysisMessages.ts for the messages).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { analyseDocument, forgetDocument, type AnalysisInput } from './documentAnalysis';
import { loadKnowledgeBase } from './kbLoader';
import type { ReviewedArticle } from './core/review';
import { packModel, resultOf, type FromWorker, type KbFiles, type ToWorker } from './analysisMessages';

let kb: KnowledgeBase | undefined;
let kbError = '';
/** Per document, its last analysis on this thread: the server asks for its model when a request needs it. */
const lastAnalysis = new Map<string, { readonly version: number; readonly article: ReviewedArticle }>();

function load(files: KbFiles): void {
  try {
    // Problems in the files are the server's to report (it loads the same files); the worker only needs the entities.
    kb = loadKnowledgeBase(files.builtIn, files.user).kb;
  } catch (error) {
    kb = undefined;
    kbError = `the analysis worker could not load the knowledge base: ${describe(error)}`;
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
    case 'model':
      return sendModel(message.id, message.uri, message.version);
  }
}

function analyse(id: number, input: AnalysisInput): void {
  if (!kb) return post({ type: 'failed', id, error: kbError });
  lastAnalysis.delete(input.uri);
  try {
    const article = analyseDocument(input, kb);
    lastAnalysis.set(input.uri, { version: input.version, article });
    post({ type: 'result', id, ...resultOf(article) });
  } catch (error) {
    post({ type: 'failed', id, error: describe(error) });
  }
}

function sendModel(id: number, uri: string, version: number): void {
  const last = lastAnalysis.get(uri);
  if (!last || last.version !== version) return post({ type: 'failed', id, error: `the analysis worker no longer has version ${version} of ${uri}` });
  try {
    post({ type: 'model', id, model: packModel(last.article) });
  } catch (error) {
    post({ type: 'failed', id, error: describe(error) });
  }
}

if (parentPort) {
  load((workerData as { files: KbFiles }).files);
  parentPort.on('message', handle);
}
