/**
 * The titled-people check of the dev set (test/dev/articleDates.test.ts), shared with `npm run dev-score` so a
 * subset of files can be measured the same way: with the publication date given, each KB person the text titles
 * ("President Islam Karimov") should hold that office on the day. Tallied by the decade of the publication date.
 */
import { analyzeArticle } from '../../server/src/core/analysis/analyze';
import { roleMatchesTitle } from '../../server/src/core/analysis/titles';
import { resolveConfig } from '../../server/src/core/config';
import type { LoadedKb } from '../../server/src/kbLoader';
import type { DevArticle } from './devset';

const TITLED = /(?:^|[^\p{L}])(?<!former |ex-|Deputy |deputy |Vice |vice )(President|Prime Minister|Foreign Minister)\s+$/u;

export interface TitledTally {
  byDecade: Record<string, { checked: number; held: number }>;
  /** One line per titled person not in that office on the article's date. */
  misses: string[];
  /** Articles whose assumed date was not the publication date given (should be none). */
  dateNotUsed: string[];
}

/** Articles whose `@date` is not a full day are skipped: a month does not say who held an office. */
export function titledPeople(articles: readonly DevArticle[], kb: LoadedKb['kb'], today: string): TitledTally {
  const tally: TitledTally = { byDecade: {}, misses: [], dateNotUsed: [] };
  for (const a of articles) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.header.date ?? '')) continue;
    const model = analyzeArticle(a.text, kb, resolveConfig({ articleDate: a.header.date, today }));
    if (model.date.assumed !== a.header.date) tally.dateNotUsed.push(`${a.file}: assumed ${model.date.assumed}`);
    const decade = `${a.header.date.slice(0, 3)}0s`;
    for (const m of model.entities) {
      if (m.kind !== 'person' || !m.id || m.via === 'title') continue;
      const title = TITLED.exec(a.text.slice(Math.max(0, m.start - 30), m.start))?.[1];
      const entity = kb.get(m.id);
      if (!title || !entity?.roles?.length) continue;
      const counts = (tally.byDecade[decade] ??= { checked: 0, held: 0 });
      counts.checked++;
      if (kb.rolesAt(entity, model.date.assumed).some((r) => roleMatchesTitle(r, title) || r.title.includes(title))) counts.held++;
      else tally.misses.push(`${a.file}: ${title} ${entity.name} on ${model.date.assumed}`);
    }
  }
  return tally;
}
