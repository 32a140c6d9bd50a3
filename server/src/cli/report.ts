/** The contract between `cis-lens check` and its output formats, and helpers they share. */
import type { ReviewedArticle, Severity } from '../core';
import { lineColumn, lineStarts } from '../core/annotations/export/common';
import type { PathError } from './files';

export type CheckEntry =
  | {
    readonly kind: 'checked';
    readonly path: string;
    readonly text: string;
    readonly reviewed: ReviewedArticle;
    /** Set when the annotation file was damaged and left out. */
    readonly annotationWarning?: string;
  }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string };

export interface Totals {
  readonly checked: number;
  readonly skipped: number;
  readonly entities: number;
  readonly quotes: number;
  readonly findings: Readonly<Record<Severity, number>>;
  /** Paths that could not be read (exit status 2). */
  readonly errors: readonly PathError[];
}

/**
 * One output format, in two halves so that articles can be analysed on worker threads (`--jobs`): `render` turns
 * one article into what the report needs from it, as plain data (on a worker it is copied to the main thread, so
 * no functions or classes), and `add` takes those pieces on the main thread, once per article in command-line
 * order. `finish` is called once at the end.
 */
export interface Reporter<Piece = unknown> {
  render(entry: CheckEntry): Piece;
  add(piece: Piece): void;
  finish(totals: Totals): void;
}

export interface ReporterOptions {
  readonly write: (chunk: string) => void;
  readonly version: string;
  readonly color: boolean;
  /** For SARIF: the folder relative URIs are resolved against. */
  readonly cwd: string;
  /** For SARIF and the help of readers: project home page. */
  readonly informationUri: string;
  /** JSON and SARIF: indented for people instead of compact. */
  readonly pretty?: boolean;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Offset → 1-based line and column (UTF-16 code units; lines end at \n, \r\n or \r) for one text. */
export function positionsOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = lineStarts(text);
  return (offset) => lineColumn(starts, offset);
}

/** Messages on one line: rules may write several. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
