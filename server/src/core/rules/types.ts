/** The contract every diagnostic rule implements (one rule per file, registered in index.ts). */
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { TriggerScan } from '../text/triggers';
import type { Claim, EntityMention, Paragraph, Quote, RelatedSpan, Severity, Span } from '../types';

/** What a rule may read: the finished analysis of one article. */
export interface RuleContext {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** Every sentence in text order. */
  readonly sentences: readonly Span[];
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly Quote[];
  readonly claims: readonly Claim[];
  /** The article's date, YYYY-MM-DD, for time-scoped KB facts (today when the article gives none: see `dateKnown`). */
  readonly date: string;
  /** False when `date` is only assumed (the article and the user give none): date-dependent findings must say so. */
  readonly dateKnown: boolean;
  readonly kb: KnowledgeBase;
  /** Where the trigger words of every TriggeredPattern occur (one scan, shared by all rules). */
  readonly triggers: TriggerScan;
}

export interface RuleFinding extends Span {
  readonly message: string;
  readonly related?: readonly RelatedSpan[];
  readonly data?: Record<string, unknown>;
  /** True when the finding holds only on the article's date: it drops to information when that date is assumed. */
  readonly assumesDate?: boolean;
}

export interface RuleExample {
  readonly text: string;
  /** How many findings the rule must report on `text`. */
  readonly expect: number;
}

export interface Rule {
  /** Stable id: the diagnostic code and the key in the `cisLens.rules` setting. Never rename. */
  readonly code: string;
  /** One sentence for users (settings, docs, SARIF rule metadata). */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Firing and non-firing examples, run by test/unit/rules/examples.test.ts. */
  readonly examples: readonly RuleExample[];
  /** A list, not a generator: rules run for every article, and a generator allocates per call and per finding. */
  check(ctx: RuleContext): readonly RuleFinding[];
}
