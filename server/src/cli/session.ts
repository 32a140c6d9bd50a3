/**
 * What `check` and `export` share: the knowledge base and analysis options from the command line, and
 * turning one article path into text + annotations (+ analysis), with every problem reported, never thrown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnnotationStore, isCorrupt } from '../annotationStore';
import { resolveConfig, type AnalysisConfig, type KnowledgeBase } from '../core';
import { lineColumn, lineStarts } from '../core/annotations/export/common';
import type { Annotation } from '../core/annotations/model';
import { builtInKbDir, listKbFiles, loadKnowledgeBase } from '../kbLoader';
import { readRegularFile } from '../regularFile';
import type { CliOptions } from './args';
import { describe, readArticle, type PathError } from './files';

/** Where messages for people go (stderr); `report` output goes to stdout separately. */
export interface Messages {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Optional: how far a long run has got (shown only on an interactive terminal). */
  progress?(done: number, total: number): void;
}

export interface Session {
  readonly kb: KnowledgeBase;
  readonly config: AnalysisConfig;
  /** Paths given with --kb that could not be read. */
  readonly kbErrors: readonly PathError[];
}

export function openSession(options: CliOptions, messages: Messages): Session {
  const userFiles: string[] = [];
  const kbErrors: PathError[] = [];
  for (const given of options.kb) {
    try {
      if (fs.statSync(given).isDirectory()) {
        const found = listKbFiles(given);
        if (found.length === 0) messages.warn(`--kb ${given}: no *.json files in this folder.`);
        userFiles.push(...found);
      } else userFiles.push(given);
    } catch (e) {
      kbErrors.push({ path: given, message: `knowledge base: ${describe(e)}` });
    }
  }
  const loaded = loadKnowledgeBase(listKbFiles(builtInKbDir()), userFiles);
  for (const p of loaded.problems) messages.warn(`knowledge base ${kbPlace(p.uri, p.offset)}: ${p.message}`);
  const config = resolveConfig({ articleDate: options.date, rules: options.rules });
  return { kb: loaded.kb, config, kbErrors };
}

/** `file:line:column` of a knowledge-base problem, for messages. */
function kbPlace(uri: string, offset: number): string {
  try {
    const file = fileURLToPath(uri);
    const read = readRegularFile(file); // never a FIFO's endless wait, for a message
    const { line, column } = lineColumn(lineStarts(read.kind === 'ok' ? read.data.toString('utf8') : ''), offset);
    return `${path.relative(process.cwd(), file) || file}:${line}:${column}`;
  } catch {
    return uri;
  }
}

export type Article =
  | { readonly kind: 'article'; readonly path: string; readonly text: string; readonly annotations: readonly Annotation[]; readonly annotationWarning?: string }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string }
  | { readonly kind: 'error'; readonly path: string; readonly message: string };

const store = new AnnotationStore();

/**
 * Reads one article and its annotation file. A damaged annotation file is reported and the article is analysed
 * without annotations; the CLI only ever reads annotation files, so a damaged one is never rewritten.
 */
export function loadArticle(file: string, maxSize: number, messages: Messages): Article {
  const read = readArticle(file, maxSize);
  if (read.kind === 'error') return { kind: 'error', path: file, message: read.message };
  if (read.kind === 'skipped') return { kind: 'skipped', path: file, reason: read.reason };
  let annotations: readonly Annotation[] = [];
  let annotationWarning: string | undefined;
  try {
    const loaded = store.load(file);
    if (isCorrupt(loaded)) {
      annotationWarning = `annotations not used: ${loaded.error} (the file is left as it is)`;
      messages.warn(`${file}: ${annotationWarning}`);
    } else {
      annotations = loaded.annotations;
      for (const w of loaded.warnings) messages.warn(w);
    }
  } catch (e) {
    annotationWarning = `annotations not used: ${(e as Error).message}`;
    messages.warn(`${file}: ${annotationWarning}`);
  }
  return { kind: 'article', path: file, text: read.text, annotations, ...(annotationWarning ? { annotationWarning } : {}) };
}
