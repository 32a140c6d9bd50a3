/** `cis-lens check`: analyse every article, stream it to the chosen format, compute the exit status. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Severity } from '../core';
import { PARALLEL_MIN_MB, type CliOptions } from './args';
import { checkFile, printNotes, reporterFor, type FileResult } from './checkFile';
import { collectArticles, type PathError } from './files';
import { checkInWorkers } from './pool';
import type { ReporterOptions, Totals } from './report';
import { openSession, type Messages } from './session';

/**
 * `workerScript` is the file a worker thread runs (the bundled CLI itself); without it everything runs on this
 * thread, whatever --jobs says.
 */
export async function runCheck(options: CliOptions, reporterOptions: ReporterOptions, messages: Messages, workerScript?: string): Promise<number> {
  const format = options.format ?? 'text';
  const reporter = reporterFor(format, reporterOptions);
  const { files, errors: pathErrors } = collectArticles(options.paths);
  const errors: PathError[] = [...pathErrors];
  const findings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const totals = { checked: 0, skipped: 0, entities: 0, quotes: 0 };

  /** Called once per article, in command-line order. */
  const add = (result: FileResult) => {
    printNotes(result.notes, messages);
    if (result.kind === 'error') {
      errors.push({ path: result.path, message: result.message });
      return;
    }
    if (result.kind === 'skipped') totals.skipped++;
    else {
      totals.checked++;
      totals.entities += result.entities;
      totals.quotes += result.quotes;
      for (const s of Object.keys(findings) as Severity[]) findings[s] += result.findings[s];
    }
    reporter.add(result.piece);
  };

  const threads = workerScript ? workerCount(options, files) : 1;
  if (threads > 1) {
    const kbErrors = await checkInWorkers({ script: workerScript!, threads, files, options, reporterOptions, messages, add });
    errors.unshift(...kbErrors);
  } else {
    const session = openSession(options, messages);
    errors.unshift(...session.kbErrors);
    for (const [index, file] of files.entries()) {
      messages.progress?.(index, files.length);
      add(checkFile(file, session, options, reporter));
    }
  }

  messages.progress?.(files.length, files.length);
  for (const e of errors) messages.error(`${e.path}: ${e.message}`);
  const summary: Totals = { ...totals, findings, errors };
  reporter.finish(summary);
  if (files.length === 0 && errors.length === 0) messages.warn(`no articles (${'*.txt, *.md, *.markdown, *.article'}) found in ${options.paths.join(', ')}.`);
  return errors.length > 0 ? 2 : findings.error > 0 ? 1 : 0;
}

/**
 * Worker threads for this batch: --jobs if given, else one per core; never more than there are articles. Without
 * --jobs a small batch stays on the main thread, where it finishes before a worker would have started.
 */
export function workerCount(options: CliOptions, files: readonly string[]): number {
  const wanted = options.jobs ?? os.availableParallelism();
  const threads = Math.min(wanted, files.length);
  if (threads <= 1 || options.jobs !== undefined) return threads;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.statSync(file).size;
    } catch { /* reported when the article is read */ }
    if (bytes >= PARALLEL_MIN_MB * 1e6) return threads;
  }
  return 1;
}
