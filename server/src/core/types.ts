/**
 * The analysis result every feature queries. All offsets are UTF-16 code units into the document text
 * (JavaScript string indices), end exclusive — the same unit LSP positions count in, so the server converts
 * offsets to line/character at one boundary only (`TextDocument.positionAt`).
 */
import type { EntityKind } from './kb/types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type MentionKind = EntityKind | 'other';

/**
 * How a mention was found: a knowledge-base `name` or `alias`, a `demonym` (Russian → Russia), a `title`
 * ("the president") or `pronoun` resolved to a person; or, for names the knowledge base does not know, the
 * `gazetteer` (countries, cities, regions, international bodies), the `context` around the name (a title
 * before it, "said" after it, "Ministry" in it), the `document` (an earlier, clearer mention of the name), or the
 * learned name `model` (analysis/nameModel.ts).
 */
export type MentionVia = 'name' | 'alias' | 'demonym' | 'title' | 'pronoun' | 'gazetteer' | 'context' | 'document' | 'model';

export interface EntityMention extends Span {
  readonly text: string;
  readonly kind: MentionKind;
  /** KB id, or null for a capitalised name the KB does not know. */
  readonly id: string | null;
  /** Canonical name (the KB name, or the text itself for unknown entities). */
  readonly name: string;
  readonly via: MentionVia;
  /** For names outside the knowledge base: the evidence for the kind ("followed by “said”", "in the gazetteer"). */
  readonly why?: string;
  /** An external id from the gazetteer ("GeoNames 616635", "ISO 3166-1 FR"). */
  readonly ref?: string;
  /**
   * Set on a knowledge-base name that fits several entities when nothing in the article decides between them
   * ("Aliyev": Ilham or Heydar): their ids. The mention's `id` is then null (ambiguous, not linked).
   */
  readonly candidates?: readonly string[];
}

/**
 * How the speaker was found: named next to the quote (`direct`), through a pronoun or a title, through an
 * outlet that quoted them (`intermediary`), from the quote it continues (`inherited`), "according to", or a
 * `description` of a source the article does not name ("a senior official"), or the `subject` of the
 * sentence a few quoted words are set in ("Kobakhidze focused on UNM’s “numerous other crimes”").
 */
export type AttributionHow = 'direct' | 'pronoun' | 'title' | 'intermediary' | 'inherited' | 'according-to' | 'description' | 'subject';

export interface Speaker extends Span {
  readonly name: string;
  readonly id: string | null;
  readonly how: AttributionHow;
  /** The outlet or intermediary the words came through ("TASS says Putin said …"), when there is one. */
  readonly via?: string;
  /**
   * Set when the text names the speaker only by words that could mean more than one person ("he", "the
   * expert"): `name` is then those words, and this lists the people they may stand for (possibly none).
   */
  readonly uncertain?: readonly string[];
}

export type QuoteKind = 'speech' | 'partial' | 'continued' | 'scare' | 'heading';

export interface Quote extends Span {
  /** The quoted words, without the marks. */
  readonly text: string;
  /** Span including the opening and (when present) closing marks. */
  readonly outer: Span;
  readonly kind: QuoteKind;
  readonly speaker: Speaker | null;
  /** The speech verb that tied the speaker to the quote ("said", "added"), or null. */
  readonly cue: string | null;
  /** Span of the cue word, when there is one. */
  readonly cueSpan?: Span;
  /** True when the quote opened and never closed before the paragraph ended. */
  readonly unclosed: boolean;
}

export type ClaimKind = 'number' | 'money' | 'percentage' | 'count' | 'date' | 'statement';

/** A check-worthy span: a number, an amount, a date, or a sourced statement. */
export interface Claim extends Span {
  readonly text: string;
  readonly kind: ClaimKind;
  /** The sentence that carries the claim. */
  readonly sentence: Span;
}

export interface Paragraph extends Span {
  readonly sentences: readonly Span[];
}

/**
 * The article's date and where it came from: its front matter, a wire `dateline` or publication line, a
 * `wire-id` (MENAFN…), a full date in the `text`, the user's `setting` (or `--date`), or `none`.
 */
export type DateSource = 'front-matter' | 'dateline' | 'wire-id' | 'text' | 'setting' | 'none';

export interface ArticleDate {
  /** YYYY-MM-DD from the article or the user's setting; null when neither gives one. */
  readonly date: string | null;
  /** The date time-aware checks use: `date`, or today when the date is unknown. */
  readonly assumed: string;
  readonly source: DateSource;
  /** Where the article states its date, when it does. */
  readonly span?: Span;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedSpan extends Span {
  readonly message: string;
}

/** A problem found by a rule, before severity settings are applied. */
export interface Finding extends Span {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly related?: readonly RelatedSpan[];
  /** Everything a quick fix needs (so code actions never re-run analysis). */
  readonly data?: Record<string, unknown>;
}

export interface ArticleModel {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly Quote[];
  readonly claims: readonly Claim[];
  readonly date: ArticleDate;
  readonly diagnostics: readonly Finding[];
}
