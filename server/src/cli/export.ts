/**
 * `cis-lens export`: articles + analysis + stored annotations → W3C, JSON Lines, CSV (one file or stdout) or
 * brat (a folder). The exporters anchor and apply the annotations themselves, so they get the plain analysis
 * (`reviewArticle` without annotations) and the annotations as stored — never a model that already has them
 * applied, which would count a reviewer's verdict twice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reviewArticle } from '../core';
import { bratAnnotationConf, exportBratDocument } from '../core/annotations/export/brat';
import { exportCsv } from '../core/annotations/export/csv';
import { exportJsonl } from '../core/annotations/export/jsonl';
import type { ExportArticle } from '../core/annotations/export/types';
import { exportW3c } from '../core/annotations/export/w3c';
import type { CliOptions, ExportFormat } from './args';
import { collectArticles, describe, type PathError } from './files';
import { loadArticle, openSession, type Messages } from './session';

const DEFAULT_NAMES: Record<Exclude<ExportFormat, 'brat'>, string> = { w3c: 'cis-lens.w3c.json', jsonl: 'cis-lens.jsonl', csv: 'cis-lens.csv' };

export function runExport(options: CliOptions, write: (chunk: string) => void, messages: Messages): number {
  const format = options.format as ExportFormat;
  const session = openSession(options, messages);
  const { files, errors: pathErrors } = collectArticles(options.paths);
  const errors: PathError[] = [...session.kbErrors, ...pathErrors];
  const articles: ExportArticle[] = [];
  for (const file of files) {
    const article = loadArticle(file, options.maxSize, messages);
    if (article.kind === 'error') errors.push({ path: article.path, message: article.message });
    else if (article.kind === 'skipped') messages.info(`${article.path}: skipped: ${article.reason}`);
    else {
      const { model } = reviewArticle(article.text, session.kb, session.config);
      articles.push({ path: article.path, iri: pathToFileURL(path.resolve(article.path)).href, text: article.text, model, annotations: article.annotations });
    }
  }
  for (const e of errors) messages.error(`${e.path}: ${e.message}`);

  try {
    if (format === 'brat') writeBrat(articles, options.out!, messages);
    else {
      const output = format === 'w3c' ? exportW3c(articles) : format === 'jsonl' ? exportJsonl(articles) : exportCsv(articles);
      if (options.out === undefined) write(output);
      else {
        const target = outputFile(options.out, DEFAULT_NAMES[format]);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, output, 'utf8');
        messages.info(`wrote ${articles.length} article${articles.length === 1 ? '' : 's'} to ${target}`);
      }
    }
  } catch (e) {
    messages.error(`${options.out}: could not write the export: ${describe(e)}`);
    return 2;
  }
  return errors.length > 0 ? 2 : 0;
}

/** `--out` names a file, or an existing folder (or one written with a trailing slash) to put `name` in. */
function outputFile(out: string, name: string): string {
  let isDir = /[\\/]$/.test(out);
  try {
    isDir ||= fs.statSync(out).isDirectory();
  } catch { /* a new file */ }
  return isDir ? path.join(out, name) : out;
}

/** `<out>/<name>.ann` and `<out>/<name>.txt` (the text the offsets count in) per article, plus annotation.conf. */
function writeBrat(articles: readonly ExportArticle[], out: string, messages: Messages): void {
  fs.mkdirSync(out, { recursive: true });
  const used = new Set<string>();
  for (const article of articles) {
    const base = uniqueName(path.basename(article.path, path.extname(article.path)) || 'article', used);
    const doc = exportBratDocument(article, { offsets: 'codepoint' });
    fs.writeFileSync(path.join(out, `${base}.txt`), article.text, 'utf8');
    fs.writeFileSync(path.join(out, `${base}.ann`), doc.ann, 'utf8');
  }
  fs.writeFileSync(path.join(out, 'annotation.conf'), bratAnnotationConf() + '\n', 'utf8');
  messages.info(`wrote ${articles.length} article${articles.length === 1 ? '' : 's'} (brat) to ${out}`);
}

/** Two articles with the same file name (from different folders) get `name`, `name-2`, … */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
