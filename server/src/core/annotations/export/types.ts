/**
 * Input of every exporter: the articles with their analysis and their stored annotations (as loaded; the
 * exporters anchor them against `text` themselves, so orphans are handled the same way everywhere).
 */
import type { ArticleModel } from '../../types';
import type { Annotation } from '../model';

export interface ExportArticle {
  /** The article's path as it should appear in the output (usually relative to the workspace or CLI cwd). */
  readonly path: string;
  /**
   * The article as an IRI for W3C `target.source` (the CLI gives a `file:` URI of the absolute path, so the
   * export can be read from anywhere); `path` when absent.
   */
  readonly iri?: string;
  /** The article text the model was computed from. */
  readonly text: string;
  readonly model: ArticleModel;
  readonly annotations: readonly Annotation[];
}

export type ExportInput = readonly ExportArticle[];
