/**
 * CSV export (RFC 4180): one row per claim and per diagnostic, CRLF line ends, a header row.
 *
 * Diagnostics are the analysis findings with the reviewer's annotations applied (so `disputed-claim`,
 * `false-claim` and `orphaned-annotation` rows appear), plus the findings a 'verified' or 'ignored' annotation
 * removed, with that status — a report should show what was checked, not only what is left. Every annotation
 * no row above carries (a note on any words, a speaker set by hand, a verdict without a rule) gets a row of its
 * own, code `review.<status>`, so the export holds everything the reviewer wrote.
 */
import type { Finding } from '../../types';
import { reanchorAll } from '../anchoring';
import { applyAnnotations, ORPHANED_ANNOTATION } from '../apply';
import { AnchoredIndex } from '../spanIndex';
import { exactOf, type Annotation } from '../model';
import { claimCode, lineColumn, lineStarts, reviewOf } from './common';
import type { ExportInput } from './types';

export const CSV_COLUMNS = ['file', 'line', 'column', 'code', 'severity', 'text', 'message', 'status', 'source', 'note', 'author', 'speaker'] as const;

/** Quotes a field when it holds a comma, a double quote, CR or LF (RFC 4180 §2.6–2.7). */
export function csvField(value: string | number | undefined): string {
  const s = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: readonly (string | number | undefined)[]): string {
  return fields.map(csvField).join(',');
}

interface Row {
  readonly offset: number;
  readonly order: number;
  readonly fields: readonly (string | number | undefined)[];
  readonly annotation?: Annotation;
}

function reviewMessage(a: Annotation): string {
  const v = a.cisLens;
  if (v.status === 'speaker' && v.speaker) return `Speaker set by the reviewer: ${v.speaker.name}${v.speaker.id ? ` (${v.speaker.id})` : ''}`;
  return v.status === 'note' ? 'Reviewer note' : `Marked ${v.status} by the reviewer${v.rule ? ` [${v.rule}]` : ''}`;
}

export function exportCsv(articles: ExportInput): string {
  const lines = [csvRow(CSV_COLUMNS)];
  for (const article of articles) {
    const { text, model } = article;
    const starts = lineStarts(text);
    const anchoring = reanchorAll(text, article.annotations);
    const applied = applyAnnotations(model.diagnostics, anchoring);
    const published = new Set<Finding>(applied.findings);
    const index = new AnchoredIndex(anchoring.anchored);
    const byId = new Map(article.annotations.map((a) => [a.id, a]));
    const rows: Row[] = [];
    const at = (offset: number) => lineColumn(starts, offset);
    const row = (offset: number, order: number, code: string, severity: string, spanText: string, message: string, status: string, a?: Annotation) => {
      const { line, column } = at(offset);
      const v = a?.cisLens;
      rows.push({ offset, order, fields: [article.path, line, column, code, severity, spanText, message, status, v?.source, v?.note, v?.author, v?.speaker?.name], ...(a ? { annotation: a } : {}) });
    };

    for (const claim of model.claims) {
      const review = reviewOf(claim, index);
      row(claim.start, 0, claimCode(claim), '', claim.text, '', review.status, review.annotation);
    }
    for (const finding of applied.findings) {
      const id = (finding.data as { annotationId?: unknown } | undefined)?.annotationId;
      const annotation = typeof id === 'string' ? byId.get(id) : undefined;
      const status = annotation ? annotation.cisLens.status : '';
      const spanText = annotation && finding.code === ORPHANED_ANNOTATION ? exactOf(annotation) : text.slice(finding.start, finding.end);
      row(finding.start, 1, finding.code, finding.severity, spanText, finding.message, status, annotation);
    }
    for (const finding of model.diagnostics) {
      if (published.has(finding)) continue;
      const by = index.overlapping(finding).find((a) => (a.annotation.cisLens.rule === finding.code || (a.annotation.cisLens.status === 'ignored' && a.annotation.cisLens.rule === undefined)));
      row(finding.start, 1, finding.code, finding.severity, text.slice(finding.start, finding.end), finding.message, by?.annotation.cisLens.status ?? 'suppressed', by?.annotation);
    }
    const shown = new Set<Annotation>();
    for (const r of rows) if (r.annotation) shown.add(r.annotation);
    for (const a of anchoring.anchored) {
      if (shown.has(a.annotation)) continue;
      row(a.span.start, 2, `review.${a.annotation.cisLens.status}`, '', text.slice(a.span.start, a.span.end), reviewMessage(a.annotation), a.annotation.cisLens.status, a.annotation);
    }
    for (const o of anchoring.orphans) {
      if (shown.has(o)) continue;
      row(0, 2, `review.${o.cisLens.status}`, '', exactOf(o), `${reviewMessage(o)} (orphaned: the text is gone)`, o.cisLens.status, o);
    }
    rows.sort((a, b) => a.offset - b.offset || a.order - b.order);
    for (const r of rows) lines.push(csvRow(r.fields));
  }
  return lines.join('\r\n') + '\r\n';
}
