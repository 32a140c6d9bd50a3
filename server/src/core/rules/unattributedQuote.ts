/** A quotation of speech that no one in the text is said to have spoken. */
import type { Rule, RuleFinding } from './types';

export const unattributedQuote: Rule = {
  code: 'unattributed-quote',
  description: 'A quotation has no speaker in its sentence or in the quote it continues.',
  defaultSeverity: 'warning',
  examples: [
    { text: 'The talks ended late. “We will not give up an inch of our land.”', expect: 1 },
    { text: '“We will not give up an inch of our land,” Putin said.', expect: 0 },
    { text: 'The firm sells the software “as is” to its clients.', expect: 0 },
  ],
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const quote of ctx.quotes) {
      if (quote.speaker || quote.kind === 'scare' || quote.kind === 'heading') continue;
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
