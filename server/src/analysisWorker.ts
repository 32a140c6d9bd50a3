/**
 * The analysis worker thread (bundled as dist/analysisWorker.js): loads the knowledge base once, then
 * analyses the document versions the server posts, one at a time, and posts each result back
 * (see analysisThread.ts for the server's side, analysisMessages.ts for the messages).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { analyseDocument, forgetDocument } from './documentAnalysis';
import { loadKnowledgeBase } from './kbLoader';
import { packArticle, type FromWorker, type KbFiles, type ToWorker } from './analysisMessages';

let kb: KnowledgeBase | undefined;
let kbError = '';

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
      return;
    case 'analyse': {
      if (!kb) return post({ type: 'failed', id: message.id, error: kbError });
      try {
        post({ type: 'result', id: message.id, ...packArticle(analyseDocument(message.input, kb)) });
      } catch (error) {
        post({ type: 'failed', id: message.id, error: describe(error) });
      }
    }
  }
}

if (parentPort) {
  load((workerData as { files: KbFiles }).files);
  parentPort.on('message', handle);
}
