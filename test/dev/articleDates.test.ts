/**
 * Article dates on the dev set: each excerpt's `@textdate` (test/fixtures/dev/README.md) is the date a careful
 * reader can establish from the excerpt's own text, or `unknown`. The analysis, given no date by the user, must
 * find that date or say it is unknown, for at least 95% of articles; and with the publication date given (as
 * the setting does), the people the text titles ("President Islam Karimov") must hold that office on the day
 * in the knowledge base, in every decade the dev set covers.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../server/src/core/config';
import { builtInKb, repoRoot } from '../helpers/kb';
import { loadDevSet } from './devset';
import { titledPeople } from './titledPeople';

/** Later than every dev article, so "today" never decides a dev-set date. */
const TODAY = '2026-12-01';
const DAY = 86_400_000;

suite('Dev set: article dates', () => {
  const articles = loadDevSet(path.join(repoRoot, 'test', 'fixtures', 'dev'));
  const { kb } = builtInKb();

  test('the gold text date agrees with the page’s publication date (within two days)', () => {
    for (const a of articles) {
      const gold = a.header.textdate;
      assert.ok(gold === 'unknown' || /^\d{4}-\d{2}-\d{2}$/.test(gold ?? ''), `${a.file}: @textdate must be YYYY-MM-DD or unknown`);
      if (gold === 'unknown') continue;
      const published = a.header.date;
      const apart = Math.abs(Date.parse(gold) - Date.parse(published.length === 10 ? published : gold.slice(0, published.length) === published ? gold : published));
      assert.ok(apart <= 2 * DAY, `${a.file}: text date ${gold} vs published ${published}`);
    }
  });

  test('the date is right, or rightly unknown, for at least 95% of articles; never today', () => {
    let right = 0;
    const wrong: string[] = [];
    const bySource: Record<string, number> = {};
    for (const a of articles) {
      const date = analyzeArticle(a.text, kb, resolveConfig({ today: TODAY })).date;
      const gold = a.header.textdate === 'unknown' ? null : a.header.textdate;
      bySource[date.source] = (bySource[date.source] ?? 0) + 1;
      assert.notEqual(date.date, TODAY, `${a.file} dated today`);
      if (date.date === gold) right++;
      else wrong.push(`${a.file}: ${date.date ?? 'unknown'} (${date.source}), gold ${gold ?? 'unknown'}`);
    }
    const known = articles.filter((a) => a.header.textdate !== 'unknown').length;
    console.log(`      article dates: ${right}/${articles.length} right or rightly unknown (${known} give a date in the text); sources ${JSON.stringify(bySource)}`);
    for (const w of wrong) console.log(`        wrong: ${w}`);
    assert.ok(right / articles.length >= 0.95, `${right}/${articles.length}`);
  });

  test('titled people hold that office on the article’s date, in every decade', () => {
    const { byDecade, misses, dateNotUsed } = titledPeople(articles, kb, TODAY);
    assert.deepEqual(dateNotUsed, [], 'the publication date given is the date assumed');
    console.log(`      titled people holding the office on the article date, by decade: ${JSON.stringify(byDecade)}`);
    for (const m of misses) console.log(`        not in office: ${m}`);
    for (const decade of ['1990s', '2000s', '2010s', '2020s']) assert.ok(byDecade[decade]?.checked, `no titled KB person in the ${decade}`);
    const checked = Object.values(byDecade).reduce((n, t) => n + t.checked, 0);
    const held = Object.values(byDecade).reduce((n, t) => n + t.held, 0);
    assert.ok(held / checked >= 0.9, `${held}/${checked}`);
  });
});
