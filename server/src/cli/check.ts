/** `cis-lens check`: analyse every article, stream it to the chosen format, compute the exit status. */
import { reviewArticle, type Severity } from '../core';
import type { CliOptions } from './args';
import { collectArticles, type PathError } from './files';
import { jsonReporter } from './formats/json';
import { sarifReporter } from './formats/sarif';
import { textReporter } from './formats/text';
import type { Reporter, ReporterOptions } from './report';
import { loadArticle, openSession, type Messages } from './session';

export function runCheck(options: CliOptions, reporterOptions: ReporterOptions, messages: Messages): number {
  const format = options.format ?? 'text';
  const reporter: Reporter = format === 'json' ? jsonReporter(reporterOptions) : format === 'sarif' ? sarifReporter(reporterOptions) : textReporter(reporterOptions);
  const session = openSession(options, messages);
  const { files, errors: pathErrors } = collectArticles(options.paths);
  const errors: PathError[] = [...session.kbErrors, ...pathErrors];
  const findings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let checked = 0;
  let skipped = 0;
  let entities = 0;
  let quotes = 0;

  for (const [index, file] of files.entries()) {
    messages.progress?.(index, files.length);
    const article = loadArticle(file, options.maxSize, messages);
    if (article.kind === 'error') {
      errors.push({ path: article.path, message: article.message });
      continue;
    }
    if (article.kind === 'skipped') {
      skipped++;
      // The text report says so itself; the machine formats keep stdout for data.
      if (format !== 'text') messages.info(`${article.path}: skipped: ${article.reason}`);
      reporter.file(article);
      continue;
    }
    const reviewed = reviewArticle(article.text, session.kb, session.config, article.annotations);
    checked++;
    entities += reviewed.model.entities.length;
    quotes += reviewed.model.quotes.length;
    for (const d of reviewed.model.diagnostics) findings[d.severity]++;
    reporter.file({ kind: 'checked', path: article.path, text: article.text, reviewed, ...(article.annotationWarning ? { annotationWarning: article.annotationWarning } : {}) });
  }

  messages.progress?.(files.length, files.length);
  for (const e of errors) messages.error(`${e.path}: ${e.message}`);
  reporter.finish({ checked, skipped, entities, quotes, findings, errors });
  if (files.length === 0 && errors.length === 0) messages.warn(`no articles (${'*.txt, *.md, *.markdown, *.article'}) found in ${options.paths.join(', ')}.`);
  return errors.length > 0 ? 2 : findings.error > 0 ? 1 : 0;
}
