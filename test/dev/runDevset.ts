/** Prints the dev-set figures and every miss: `npm run dev-score [-- --quiet] [-- file-filter]`. */
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../server/src/core/config';
import { builtInKb, repoRoot } from '../helpers/kb';
import { loadDevSet } from './devset';
import { emptyScore, scoreDevArticle, summary } from './score';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const filter = args.find((a) => !a.startsWith('--'));
const { kb } = builtInKb();
const score = emptyScore();
for (const article of loadDevSet(path.join(repoRoot, 'test', 'fixtures', 'dev'))) {
  if (filter && !article.file.includes(filter)) continue;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(article.header.date ?? '') ? article.header.date : undefined;
  scoreDevArticle(article, analyzeArticle(article.text, kb, resolveConfig({ fallbackDate: date })), score, (id) => {
    const entity = kb.get(id);
    return entity ? [entity.name, ...(entity.aliases ?? [])] : [];
  });
}
if (!quiet) for (const line of score.log) console.log(line);
console.log(summary(score));
