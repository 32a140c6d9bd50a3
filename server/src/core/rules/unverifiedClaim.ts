/** Figures nobody has verified yet: money, percentages, large numbers, counts, relative dates. */
import type { Rule } from './types';

export const unverifiedClaim: Rule = {
  code: 'unverified-claim',
  description: 'A check-worthy figure (amount, percentage, count, date) has not been verified.',
  defaultSeverity: 'information',
  examples: [
    { text: 'Trade reached almost $90 billion last year.', expect: 1 },
    { text: 'Turnover grew by 12% in ten months.', expect: 1 },
    { text: 'The CIS was formed in 1991.', expect: 0 },
  ],
  check(ctx) {
    return ctx.claims.map((claim) => ({
      start: claim.start,
      end: claim.end,
      message: `Unverified ${claim.kind}: “${claim.text}”. Check it against a primary source, then mark it verified.`,
      data: { kind: claim.kind },
    }));
  },
};
