/**
 * Prints the dev-set figures and every miss: `npm run dev-score [-- --quiet] [-- --dir=DIR ...] [-- FILES]`.
 * FILES is a regular expression tested against each file name (a plain substring works too), so a subset can be
 * scored on its own: `npm run dev-score -- '^e\d'` scores only the files whose names start with e and a digit.
 * `--dir=DIR` (relative to the repository, repeatable) scores other folders of annotated files instead of
 * test/fixtures/dev, e.g. the held-out excerpts: `--dir=test/fixtures/dev-fresh`, or both folders together.
 */
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../server/src/core/config';
import { builtInKb, repoRoot } from '../helpers/kb';
import { loadDevSet } from './devset';
import { titledPeople } from './titledPeople';
import { emptyScore, scoreDevArticle, summary } from './score';

/** Later than every dev article, as in articleDates.test.ts, so "today" never decides a date. */
const TODAY = '2026-12-01';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const pattern = args.find((a) => !a.startsWith('--'));
const dirs = args.filter((a) => a.startsWith('--dir=')).map((a) => a.slice('--dir='.length));
let filter: RegExp | undefined;
try {
  filter = pattern === undefined ? undefined : new RegExp(pattern);
} catch (error) {
  console.error(`dev-score: "${pattern}" is not a regular expression: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
}
const { kb } = builtInKb();
const score = emptyScore();
const dates = { right: 0, wrong: [] as string[] };
const folders = dirs.length ? dirs : [path.join('test', 'fixtures', 'dev')];
const articles = folders.flatMap((dir) => loadDevSet(path.resolve(repoRoot, dir))).filter((a) => !filter || filter.test(a.file));
if (!articles.length) {
  console.error(`dev-score: no dev file matches "${pattern}"`);
  process.exit(2);
}
for (const article of articles) {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(article.header.date ?? '') ? article.header.date : undefined;
  scoreDevArticle(article, analyzeArticle(article.text, kb, resolveConfig({ fallbackDate: date })), score, (id) => {
    const entity = kb.get(id);
    return entity ? [entity.name, ...(entity.aliases ?? [])] : [];
  });
  // The article date as the analysis finds it with no date given (the measure of test/dev/articleDates.test.ts).
  const found = analyzeArticle(article.text, kb, resolveConfig({ today: TODAY })).date;
  const gold = article.header.textdate === 'unknown' ? null : (article.header.textdate ?? null);
  if (found.date === gold) dates.right++;
  else dates.wrong.push(`${article.file} DATE ${found.date ?? 'unknown'} (${found.source}), gold ${gold ?? 'unknown'}`);
}
const titled = titledPeople(articles, kb, TODAY);
if (!quiet) for (const line of [...score.log, ...dates.wrong, ...titled.misses.map((m) => `TITLE not in office: ${m}`)]) console.log(line);
console.log(summary(score));
console.log(`article dates: ${dates.right}/${articles.length} right or rightly unknown`);
console.log(`titled people holding the office on the article date, by decade: ${JSON.stringify(titled.byDecade)}`);
