/**
 * The held-out dev excerpts (test/fixtures/dev-fresh, same markup as test/fixtures/dev): real news annotated
 * blind and scored once before any rule was tuned on them (figures in test/fixtures/dev/README.md). They are
 * kept out of the tuned dev set, so this test holds them to no accuracy bar: it checks the files are whole
 * (markup, source headers, a text date that agrees with the publication date) and prints today's figures,
 * so a change that moves them shows in every test run.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../server/src/core/config';
import { builtInKb, repoRoot } from '../helpers/kb';
import { loadDevSet } from './devset';
import { emptyScore, scoreDevArticle, summary } from './score';

const DAY = 86_400_000;

suite('Held-out dev excerpts (blind, not tuned on)', () => {
  const articles = loadDevSet(path.join(repoRoot, 'test', 'fixtures', 'dev-fresh'));

  test('the files are whole: markup, sources, text dates', () => {
    assert.ok(articles.length >= 15, `only ${articles.length} held-out articles`);
    for (const a of articles) {
      assert.ok(a.header.source?.startsWith('http') && a.header.outlet && a.header.date, `${a.file} lacks its source header`);
      const words = a.text.split(/\s+/).filter(Boolean).length;
      assert.ok(words >= 150 && words <= 450, `${a.file}: ${words} words`);
      const gold = a.header.textdate;
      assert.ok(gold === 'unknown' || /^\d{4}-\d{2}-\d{2}$/.test(gold ?? ''), `${a.file}: @textdate must be YYYY-MM-DD or unknown`);
      if (gold === 'unknown' || a.header.date.length !== 10) continue;
      assert.ok(Math.abs(Date.parse(gold) - Date.parse(a.header.date)) <= 2 * DAY, `${a.file}: text date ${gold} vs published ${a.header.date}`);
    }
  });

  test('prints the figures', () => {
    const { kb } = builtInKb();
    const score = emptyScore();
    for (const article of articles) {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(article.header.date) ? article.header.date : undefined;
      scoreDevArticle(article, analyzeArticle(article.text, kb, resolveConfig({ fallbackDate: date })), score, (id) => {
        const entity = kb.get(id);
        return entity ? [entity.name, ...(entity.aliases ?? [])] : [];
      });
    }
    for (const line of summary(score).split('\n')) console.log(`      ${line}`);
    assert.equal(score.articles, articles.length);
  });
});
