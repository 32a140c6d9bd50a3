/**
 * What reviewer annotations do to the published diagnostics. Pure: no IO.
 *
 * - 'verified' and 'ignored' remove overlapping findings whose code equals the annotation's `rule`;
 *   an 'ignored' annotation without `rule` removes every overlapping finding. A 'verified' annotation without
 *   `rule` removes nothing (it is a record, shown in the Outline). A 'speaker' annotation with `rule` (the
 *   reviewer named the speaker in answer to e.g. `quote.unattributed`) removes that rule's findings too.
 * - 'disputed' → a `disputed-claim` warning, 'false' → a `false-claim` error, on the annotated span; the
 *   message carries the reviewer's note and source and names the rule it answers. With a `rule`, the verdict
 *   replaces that rule's overlapping findings (the reviewer dealt with them: they leave the to-do list, and the
 *   file's count does not grow).
 * - an orphan (its text is gone) → an `orphaned-annotation` warning at `orphanSpan` (default 0..0).
 * Only the findings passed in are ever removed; the ones made here are added after filtering.
 */
import type { Finding, Span } from '../types';
import type { AnchorMethod, AnchoredAnnotation, ReanchorResult } from './anchoring';
import { exactOf, type Annotation, type AnnotationStatus, type SpeakerRef } from './model';
import { AnchoredIndex } from './spanIndex';

export const DISPUTED_CLAIM = 'disputed-claim';
export const FALSE_CLAIM = 'false-claim';
export const ORPHANED_ANNOTATION = 'orphaned-annotation';

/** One annotation as the Outline (and hover) shows it. */
export interface AnnotationEntry {
  readonly id: string;
  readonly status: AnnotationStatus;
  /** Short one-line label: `disputed: "3 million people"`. */
  readonly label: string;
  /** The annotated text as stored. */
  readonly exact: string;
  /** Where it is now; null for an orphan. */
  readonly span: Span | null;
  readonly method: AnchorMethod | 'orphan';
  /** 1 for exact matches, the fuzzy similarity, or 0 for an orphan. */
  readonly similarity: number;
  readonly note?: string;
  readonly source?: string;
  readonly rule?: string;
  readonly author?: string;
  readonly speaker?: SpeakerRef;
  /** How many findings this annotation removed. */
  readonly suppressed: number;
  /** When the reviewer wrote it and last changed it (ISO 8601), as stored. */
  readonly created?: string;
  readonly modified?: string;
}

export interface AppliedAnnotations {
  /** The findings to publish, sorted by start, then code. */
  readonly findings: readonly Finding[];
  /** Every annotation, anchored ones by position, then orphans. */
  readonly entries: readonly AnnotationEntry[];
}

export interface ApplyOptions {
  /** Where orphan findings go (e.g. the first line); default 0..0. */
  readonly orphanSpan?: Span;
}

export interface SpeakerOverride {
  /** The annotated span (normally a quote's span or outer span). */
  readonly span: Span;
  readonly speaker: SpeakerRef;
  readonly annotationId: string;
}

/** True when the spans share a character, or an empty span sits inside (or at an edge of) the other. */
export function spansOverlap(a: Span, b: Span): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function suppresses(annotation: Annotation, finding: Finding): boolean {
  const { status, rule } = annotation.cisLens;
  if (status === 'ignored') return rule === undefined || rule === finding.code;
  if (status === 'note') return false;
  return rule !== undefined && rule === finding.code;
}

function quoted(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine}"`;
}

function verdictMessage(a: AnchoredAnnotation): string {
  const { status, note, source, author, rule } = a.annotation.cisLens;
  const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : s + '.');
  let head = status === 'false' ? 'Marked false by the reviewer' : 'Disputed by the reviewer';
  if (author) head += ` (${author})`;
  if (rule) head += ` [${rule}]`;
  const parts = [note ? sentence(`${head}: ${note.trim()}`) : head + '.'];
  if (source) parts.push(`Source: ${source}`);
  if (a.method === 'fuzzy') parts.push(`The text changed since the review; it was ${quoted(exactOf(a.annotation))}.`);
  return parts.join(' ');
}

function entryOf(annotation: Annotation, span: Span | null, method: AnchorMethod | 'orphan', similarity: number, suppressed: number): AnnotationEntry {
  const v = annotation.cisLens;
  const exact = exactOf(annotation);
  const what = v.status === 'speaker' && v.speaker ? `speaker ${v.speaker.name}` : v.status;
  return {
    id: annotation.id,
    status: v.status,
    label: `${what}${method === 'orphan' ? ' (orphaned)' : ''}: ${quoted(exact, 40)}`,
    exact,
    span,
    method,
    similarity,
    ...(v.note !== undefined ? { note: v.note } : {}),
    ...(v.source !== undefined ? { source: v.source } : {}),
    ...(v.rule !== undefined ? { rule: v.rule } : {}),
    ...(v.author !== undefined ? { author: v.author } : {}),
    ...(v.speaker !== undefined ? { speaker: v.speaker } : {}),
    suppressed,
    ...(annotation.created !== undefined ? { created: annotation.created } : {}),
    ...(annotation.modified !== undefined ? { modified: annotation.modified } : {}),
  };
}

/** The findings to publish once the reviewer's annotations are taken into account, plus the Outline entries. */
export function applyAnnotations(findings: readonly Finding[], annotations: ReanchorResult, options: ApplyOptions = {}): AppliedAnnotations {
  const suppressedBy = new Map<AnchoredAnnotation, number>();
  const index = new AnchoredIndex(annotations.anchored);
  const kept = findings.filter((finding) => {
    let removed = false;
    for (const a of index.overlapping(finding)) {
      if (spansOverlap(a.span, finding) && suppresses(a.annotation, finding)) {
        suppressedBy.set(a, (suppressedBy.get(a) ?? 0) + 1);
        removed = true;
      }
    }
    return !removed;
  });

  const added: Finding[] = [];
  for (const a of annotations.anchored) {
    const { status, note, source, author, rule } = a.annotation.cisLens;
    if (status !== 'disputed' && status !== 'false') continue;
    added.push({
      start: a.span.start,
      end: a.span.end,
      code: status === 'false' ? FALSE_CLAIM : DISPUTED_CLAIM,
      severity: status === 'false' ? 'error' : 'warning',
      message: verdictMessage(a),
      data: { annotationId: a.annotation.id, status, note, source, author, rule, method: a.method, exact: exactOf(a.annotation) },
    });
  }
  const orphanSpan = options.orphanSpan ?? { start: 0, end: 0 };
  for (const o of annotations.orphans) {
    const { status, note } = o.cisLens;
    added.push({
      start: orphanSpan.start,
      end: orphanSpan.end,
      code: ORPHANED_ANNOTATION,
      severity: 'warning',
      message: `A ${status} annotation no longer matches the article: ${quoted(exactOf(o))} was not found.`,
      data: { annotationId: o.id, status, note, exact: exactOf(o) },
    });
  }

  const all = [...kept, ...added].sort((x, y) => x.start - y.start || x.end - y.end || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const entries = [
    ...[...annotations.anchored]
      .sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end)
      .map((a) => entryOf(a.annotation, a.span, a.method, a.similarity, suppressedBy.get(a) ?? 0)),
    ...annotations.orphans.map((o) => entryOf(o, null, 'orphan', 0, 0)),
  ];
  return { findings: all, entries };
}

/** Speakers the reviewer set by hand ('speaker' annotations), by annotated span, sorted by position. */
export function speakerOverrides(anchored: readonly AnchoredAnnotation[]): SpeakerOverride[] {
  return anchored
    .filter((a) => a.annotation.cisLens.status === 'speaker' && a.annotation.cisLens.speaker)
    .map((a) => ({ span: a.span, speaker: a.annotation.cisLens.speaker!, annotationId: a.annotation.id }))
    .sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
}

/**
 * The override for a quote: the override overlapping the quote (its `outer` span when given) the most;
 * the latest in the list wins a tie.
 */
export function speakerOverrideFor(overrides: readonly SpeakerOverride[], quote: Span & { readonly outer?: Span }): SpeakerOverride | undefined {
  const area = quote.outer ?? quote;
  let best: SpeakerOverride | undefined;
  let bestOverlap = -1;
  for (const o of overrides) {
    if (!spansOverlap(o.span, area)) continue;
    const overlap = Math.min(o.span.end, area.end) - Math.max(o.span.start, area.start);
    if (overlap >= bestOverlap) {
      best = o;
      bestOverlap = overlap;
    }
  }
  return best;
}
