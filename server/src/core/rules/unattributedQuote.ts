/**
 * A quotation no one in the text is said to have spoken. A quotation set into a sentence that has a subject
 * ("He also blamed the party for “full occupation”") is attributed by that sentence even when the analysis
 * cannot name the subject, so only such quotes whose sentence names no one before them are flagged.
 */
import type { Quote, Span } from '../types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { containing, upperBound } from '../text/search';

const SUBJECT_PRONOUN = /\b(?:he|she|they|it|we|i|you)\b/i;

export const unattributedQuote: Rule = {
  code: 'unattributed-quote',
  description: 'A quotation has no speaker in its sentence, in the sentences around it, or in the quote it continues.',
  defaultSeverity: 'warning',
  examples: [
    { text: 'The talks ended late. “We will not give up an inch of our land.”', expect: 1 },
    { text: '“We will not give up an inch of our land,” Putin said.', expect: 0 },
    { text: '“We will not give up an inch of our land,” Armen Grigoryan told reporters.', expect: 0 },
    { text: 'The firm sells the software “as is” to its clients.', expect: 0 },
    { text: 'He also blamed the party for allowing “full occupation of two historic regions of Georgia.”', expect: 0 },
  ],
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const quote of ctx.quotes) {
      if (quote.speaker || quote.kind === 'scare' || quote.kind === 'heading') continue;
      if (quote.kind === 'partial' && sentenceNamesSomeone(ctx, quote)) continue;
      findings.push({
        start: quote.start,
        end: quote.end,
        message: 'Quotation has no speaker. Name who said it, or record the speaker with “Set speaker…”.',
        data: { kind: quote.kind },
      });
    }
    return findings;
  },
};

/** Whether the sentence holding a partial quote names a person, organisation or pronoun before it. */
function sentenceNamesSomeone(ctx: RuleContext, quote: Quote): boolean {
  const sentence: Span = containing(ctx.sentences, quote.outer.start);
  if (SUBJECT_PRONOUN.test(ctx.text.slice(sentence.start, quote.outer.start))) return true;
  for (let i = upperBound(ctx.entities, sentence.start); i < ctx.entities.length && ctx.entities[i].start < quote.outer.start; i++) {
    const kind = ctx.entities[i].kind;
    if (kind === 'person' || kind === 'organization' || kind === 'other' || kind === 'country') return true;
  }
  return false;
}
