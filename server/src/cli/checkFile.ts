/**
 * One article of `cis-lens check`, from path to report piece: the unit of work that runs on the main thread or
 * on a worker (`--jobs`). Its result is plain data (copied between threads), and the messages the article
 * produced travel with it, so they are printed in command-line order whichever thread did the work.
 */
import { reviewArticle, type Severity } from '../core';
import type { CliOptions } from './args';
import { jsonReporter } from './formats/json';
import { sarifReporter } from './formats/sarif';
import { textReporter } from './formats/text';
import type { Reporter, ReporterOptions } from './report';
import { loadArticle, type Messages, type Session } from './session';

/** A message for stderr, kept until the article's turn comes. */
export interface Note {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

export type FileResult =
  | { readonly kind: 'error'; readonly path: string; readonly message: string; readonly notes: readonly Note[] }
  | { readonly kind: 'skipped'; readonly path: string; readonly piece: unknown; readonly notes: readonly Note[] }
  | {
    readonly kind: 'checked';
    readonly path: string;
    readonly piece: unknown;
    readonly notes: readonly Note[];
    readonly entities: number;
    readonly quotes: number;
    readonly findings: Readonly<Record<Severity, number>>;
  };

export function reporterFor(format: string, options: ReporterOptions): Reporter {
  return format === 'json' ? jsonReporter(options) : format === 'sarif' ? sarifReporter(options) : textReporter(options);
}

/** Messages that are kept as notes instead of printed. */
export function noteCollector(): { readonly messages: Messages; readonly notes: Note[] } {
  const notes: Note[] = [];
  return {
    notes,
    messages: {
      info: (message) => void notes.push({ level: 'info', message }),
      warn: (message) => void notes.push({ level: 'warn', message }),
      error: (message) => void notes.push({ level: 'error', message }),
    },
  };
}

export function printNotes(notes: readonly Note[], messages: Messages): void {
  for (const note of notes) messages[note.level](note.message);
}

/** Reads, analyses and renders one article. Never throws for a bad file: that is an `error` result. */
export function checkFile(file: string, session: Session, options: CliOptions, reporter: Reporter): FileResult {
  const { messages, notes } = noteCollector();
  const article = loadArticle(file, options.maxSize, messages);
  if (article.kind === 'error') return { kind: 'error', path: article.path, message: article.message, notes };
  if (article.kind === 'skipped') {
    // The text report says so itself; the machine formats keep stdout for data.
    if ((options.format ?? 'text') !== 'text') messages.info(`${article.path}: skipped: ${article.reason}`);
    return { kind: 'skipped', path: article.path, piece: reporter.render(article), notes };
  }
  const reviewed = reviewArticle(article.text, session.kb, session.config, article.annotations);
  const findings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of reviewed.model.diagnostics) findings[d.severity]++;
  const piece = reporter.render({ kind: 'checked', path: article.path, text: article.text, reviewed, ...(article.annotationWarning ? { annotationWarning: article.annotationWarning } : {}) });
  return { kind: 'checked', path: article.path, piece, notes, entities: reviewed.model.entities.length, quotes: reviewed.model.quotes.length, findings };
}
