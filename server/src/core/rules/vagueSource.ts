/** Anonymous or hedged sourcing: "analysts say", "Russian media reports say", "reportedly". */
import cues from '../data/cues.json';
import { matchBefore } from '../text/search';
import { firstWordsOf, TriggeredPattern } from '../text/triggers';
import type { Rule, RuleContext, RuleFinding } from './types';

/** Alternation of lower-case phrases that also matches them capitalised at a sentence start (the regex is case-sensitive). */
const alt = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1).replace(/ /g, '\\s+')}`).join('|');
const VAGUE = new TriggeredPattern(
  new RegExp(`\\b(?:(?:${alt(cues.vagueNouns)})\\s+(?:${alt(cues.vagueVerbs)})|(?:${alt(cues.vaguePhrases)})|(?:${alt(cues.vagueAdverbs)})(?:\\s+\\p{Ll}+)?)\\b`, 'u'),
  firstWordsOf([...cues.vagueNouns, ...cues.vaguePhrases, ...cues.vagueAdverbs]),
);
// "a senior EU diplomat said": one unnamed person. The noun and verb come first (rare, so the scan is
// cheap); the indefinite article, with up to three describing words, is checked backwards.
const SINGULAR = new TriggeredPattern(
  new RegExp(`\\b(?:${cues.anonymousSingular.join('|')})\\s+(?:${cues.vagueVerbs.join('|')}|told|added)\\b`, 'u'),
  firstWordsOf(cues.anonymousSingular),
);
const ARTICLE_BEFORE = new RegExp(`\\b(?:${alt(cues.anonymousArticles)})\\s+(?:[\\p{L}-]+\\s+){0,3}$`, 'u');
const ARTICLE_WINDOW = 60;
const QUALIFIER_WINDOW = 40;

/**
 * Up to two qualifiers before the vague noun ("some", "Western", "Russian media", the "a" of "a source familiar
 * with the matter"), looked for only where a match is. Each is a whole word: "data sources" has no "a" before it.
 */
const QUALIFIERS_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${alt(['a', 'an', 'some', 'many', 'several', 'unnamed', 'anonymous', 'local', 'western', 'foreign', 'independent', 'informed'])}|\\p{Lu}\\p{Ll}+)[ \\t\u00a0]+){1,2}$`,
  'u',
);

export const vagueSource: Rule = {
  code: 'vague-source',
  description: 'The source of a statement is vague or anonymous (analysts say, sources said, reportedly).',
  defaultSeverity: 'warning',
  examples: [
    { text: 'Analysts say the move strengthens Moscow.', expect: 1 },
    { text: 'The delegation reportedly included ministers.', expect: 1 },
    { text: 'It is believed that the summit will be postponed.', expect: 1 },
    { text: 'A source familiar with the matter said the summit was postponed.', expect: 1 },
    { text: '"This is the moment," a senior EU diplomat said.', expect: 1 },
    { text: 'The official said the talks would resume.', expect: 0 },
    { text: 'Sergey Lavrov said the move strengthens Moscow.', expect: 0 },
  ],
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const m of VAGUE.matches(ctx.triggers)) {
      // Only a noun takes qualifiers ("Western diplomats"); before an adverb the capitalised word is the subject ("Putin reportedly").
      const qualifiers = isNounPhrase(m[0]) ? matchBefore(ctx.text, m.index, QUALIFIERS_BEFORE, QUALIFIER_WINDOW) : undefined;
      let start = qualifiers?.start ?? m.index;
      let matched = ctx.text.slice(start, m.index + m[0].length);
      // A capitalised first word is kept only when it qualifies the noun ("Russian media"), not when it starts the sentence.
      const first = /^\p{Lu}\p{Ll}+\s+/u.exec(matched);
      if (first && isCommonSentenceStart(first[0].trim())) {
        start += first[0].length;
        matched = matched.slice(first[0].length);
      }
      findings.push(finding(start, matched));
    }
    singularSources(ctx, findings);
    return findings;
  },
};

function finding(start: number, phrase: string): RuleFinding {
  return {
    start,
    end: start + phrase.length,
    message: `Vague source: “${phrase.replace(/\s+/g, ' ')}”. Who exactly? Name the source or verify the claim independently.`,
    data: { phrase },
  };
}

function singularSources(ctx: RuleContext, into: RuleFinding[]): void {
  const text = ctx.text;
  for (const m of SINGULAR.matches(ctx.triggers)) {
    const article = matchBefore(text, m.index, ARTICLE_BEFORE, ARTICLE_WINDOW);
    if (article) into.push(finding(article.start, text.slice(article.start, m.index + m[0].length)));
  }
}

function isNounPhrase(matched: string): boolean {
  return !/^(?:it|according|sources close|rumou?rs|word)\b/i.test(matched) && !cues.vagueAdverbs.some((a) => matched.toLowerCase().startsWith(a));
}

function isCommonSentenceStart(word: string): boolean {
  return ['The', 'But', 'And', 'Yet', 'Still', 'However', 'Now', 'So', 'While', 'Meanwhile'].includes(word);
}
