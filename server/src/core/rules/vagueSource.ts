/** Anonymous or hedged sourcing: "analysts say", "Russian media reports say", "reportedly". */
import cues from '../data/cues.json';
import type { Rule } from './types';

/** Alternation of lower-case phrases that also matches them capitalised at a sentence start (the regex is case-sensitive). */
const alt = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1).replace(/ /g, '\\s+')}`).join('|');
/** Optional qualifiers before the vague noun: "some", "Western", "Russian", "unnamed". */
const QUALIFIER = `(?:(?:${alt(['some', 'many', 'several', 'unnamed', 'anonymous', 'local', 'western', 'foreign', 'independent', 'informed'])}|\\p{Lu}\\p{Ll}+)\\s+){0,2}`;
const VAGUE_RE = new RegExp(
  `\\b(?:${QUALIFIER}(?:${alt(cues.vagueNouns)})\\s+(?:${alt(cues.vagueVerbs)})|(?:${alt(cues.vaguePhrases)})|(?:${alt(cues.vagueAdverbs)})(?:\\s+\\p{Ll}+)?)\\b`,
  'gu',
);

export const vagueSource: Rule = {
  code: 'vague-source',
  description: 'The source of a statement is vague or anonymous (analysts say, sources said, reportedly).',
  defaultSeverity: 'warning',
  examples: [
    { text: 'Analysts say the move strengthens Moscow.', expect: 1 },
    { text: 'The delegation reportedly included ministers.', expect: 1 },
    { text: 'It is believed that the summit will be postponed.', expect: 1 },
    { text: 'Sergey Lavrov said the move strengthens Moscow.', expect: 0 },
  ],
  *check(ctx) {
    VAGUE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = VAGUE_RE.exec(ctx.text))) {
      let start = m.index;
      let matched = m[0];
      // A capitalised first word is kept only when it qualifies the noun ("Russian media"), not when it starts the sentence.
      const first = /^\p{Lu}\p{Ll}+\s+/u.exec(matched);
      if (first && isCommonSentenceStart(first[0].trim())) {
        start += first[0].length;
        matched = matched.slice(first[0].length);
      }
      yield {
        start,
        end: start + matched.length,
        message: `Vague source: “${matched.replace(/\s+/g, ' ')}”. Who exactly? Name the source or verify the claim independently.`,
        data: { phrase: matched },
      };
    }
  },
};

function isCommonSentenceStart(word: string): boolean {
  return ['The', 'But', 'And', 'Yet', 'Still', 'However', 'Now', 'So', 'While', 'Meanwhile'].includes(word);
}
