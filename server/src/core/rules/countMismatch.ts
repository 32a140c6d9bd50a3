/** "These eight states" right after a list of seven: the count and the list disagree. */
import cues from '../data/cues.json';
import { isListSeparator } from '../analysis/lists';
import type { EntityMention } from '../types';
import type { Rule } from './types';

const NUMBER_WORDS: Record<string, number> = cues.numberWords;
const GROUP_RE = new RegExp(
  `\\b(?:[Tt]hese|[Tt]hose|[Tt]he|[Aa]ll|[Aa]ll\\s+the)\\s+(${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,2})\\s+(?:${cues.groupNouns.join('|')})\\b`,
  'gu',
);
/** How far back (in characters) a list may stand from the phrase that counts it. */
const LOOKBACK = 600;

export const countMismatch: Rule = {
  code: 'count-mismatch',
  description: 'A stated count (“these eight states”) differs from the number of items in the list it refers to.',
  defaultSeverity: 'warning',
  examples: [
    { text: 'Armenia, Belarus and Kazakhstan attended. These four states agreed.', expect: 1 },
    { text: 'Armenia, Belarus and Kazakhstan attended. These three states agreed.', expect: 0 },
  ],
  *check(ctx) {
    GROUP_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GROUP_RE.exec(ctx.text))) {
      const stated = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      const list = lastList(ctx.text, ctx.entities, m.index);
      if (!list || list.length < 2 || list.length === stated) continue;
      yield {
        start: m.index,
        end: m.index + m[0].length,
        message: `“${m[0]}” counts ${stated}, but the list before it names ${list.length}.`,
        related: [{ start: list[0].start, end: list[list.length - 1].end, message: `The list: ${list.map((e) => e.text).join(', ')}` }],
        data: { stated, listed: list.length },
      };
    }
  },
};

/** The last run of same-kind entities joined by commas/"and" that ends before `offset`. */
function lastList(text: string, entities: readonly EntityMention[], offset: number): EntityMention[] | undefined {
  const before = entities.filter((e) => e.end <= offset && offset - e.end < LOOKBACK && e.via !== 'demonym' && e.via !== 'pronoun');
  const list: EntityMention[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const e = before[i];
    const next = list[0];
    if (!next) {
      list.unshift(e);
      continue;
    }
    if (e.kind === next.kind && isListSeparator(text.slice(e.end, next.start))) list.unshift(e);
    else if (list.length >= 2) break;
    else list.splice(0, list.length, e);
  }
  return list.length ? list : undefined;
}
