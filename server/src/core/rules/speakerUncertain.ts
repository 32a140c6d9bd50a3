/**
 * A quotation whose speaker the text names only by words that could mean more than one person: "he said"
 * after two men, "the expert" with no expert named before. CIS Lens leaves the speaker open rather than
 * guess; this hint says who it could be, so the reviewer can settle it with “Set speaker…”.
 */
import type { Rule, RuleFinding } from './types';

export const speakerUncertain: Rule = {
  code: 'speaker-uncertain',
  description: 'The text names a quotation’s speaker only by a pronoun or description that could mean more than one person.',
  defaultSeverity: 'hint',
  examples: [
    { text: 'Armen Grigoryan spoke first. Tigran Avinian spoke next. “We agreed on everything,” he said.', expect: 1 },
    { text: 'Armen Grigoryan met Tigran Avinian in Yerevan. “We agreed on everything,” he said.', expect: 0 },
    { text: 'Maria Ivanova met Armen Grigoryan in Yerevan. “We agreed on everything,” she said.', expect: 0 },
    { text: '“We agreed on everything,” Armen Grigoryan said.', expect: 0 },
  ],
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const quote of ctx.quotes) {
      const speaker = quote.speaker;
      if (!speaker?.uncertain) continue;
      const who = speaker.uncertain.length ? `: it may be ${speaker.uncertain.map((n) => `“${n}”`).join(' or ')}` : ', and no one named before fits';
      findings.push({
        start: quote.start,
        end: quote.end,
        message: `Speaker uncertain. The text says “${speaker.name}”${who}. Record the speaker with “Set speaker…”.`,
        related: [{ start: speaker.start, end: speaker.end, message: `“${speaker.name}”` }],
        data: { kind: quote.kind, candidates: speaker.uncertain },
      });
    }
    return findings;
  },
};
