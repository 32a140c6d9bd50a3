/** Runs every rule's own examples (firing and non-firing) and checks the registry contract. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../../server/src/core/config';
import { allRules } from '../../../server/src/core/rules';
import { builtInKb, repoRoot } from '../../helpers/kb';

suite('Rules', () => {
  const { kb } = builtInKb();
  const config = resolveConfig({ fallbackDate: '2025-12-22' });

  for (const rule of allRules) {
    suite(rule.code, () => {
      rule.examples.forEach((example, i) => {
        test(`example ${i + 1} gives ${example.expect} finding(s): ${example.text.slice(0, 50)}`, () => {
          const found = analyzeArticle(example.text, kb, config).diagnostics.filter((d) => d.code === rule.code);
          assert.equal(found.length, example.expect, found.map((f) => `${f.message} @${f.start}`).join('; '));
          for (const f of found) assert.ok(f.start >= 0 && f.end <= example.text.length && f.start <= f.end);
        });
      });
    });
  }

  test('codes are unique kebab-case, each rule lives in its own file, and has a description and both kinds of example', () => {
    const codes = allRules.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    const ruleDir = path.join(repoRoot, 'server', 'src', 'core', 'rules');
    for (const rule of allRules) {
      assert.match(rule.code, /^[a-z]+(-[a-z]+)*$/);
      const file = rule.code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) + '.ts';
      assert.ok(fs.existsSync(path.join(ruleDir, file)), `${rule.code} should live in rules/${file}`);
      assert.ok(rule.description.length > 20);
      assert.ok(rule.examples.some((e) => e.expect > 0) && rule.examples.some((e) => e.expect === 0), `${rule.code} needs firing and non-firing examples`);
    }
  });

  test('quote-variant: one article never sees the quotes of the article analysed before it', () => {
    const first = '“Trade between our countries is growing fast despite sanctions,” he said.';
    const second = '“Trade between our countries is growing quickly despite the sanctions,” he said.';
    const variants = (text: string) => analyzeArticle(text, kb, config).diagnostics.filter((d) => d.code === 'quote-variant').length;
    assert.equal(variants(first), 0);
    assert.equal(variants(second), 0);
    assert.equal(variants(`${first} ${second}`), 1);
  });

  test('quote-variant: the same findings whether or not the quotes were split in the check before (the last check\'s splits are reused)', () => {
    // Another text with quotes of its own replaces what the last check kept, so the check after it splits afresh.
    const unrelated = '“Alpha beta gamma delta epsilon zeta eta,” he said. “Theta iota kappa lambda omicron sigma,” she said.';
    const seeds = path.join(repoRoot, 'seeds', 'articles');
    const articles = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(seeds, f), 'utf8'));
    const findings = (text: string) => analyzeArticle(text, kb, config).diagnostics.filter((d) => d.code === 'quote-variant');
    let reused = 0;
    for (const article of articles) {
      // The quotes move (a line before them) and one more copy of each article's text makes variants likelier.
      const edited = `Updated.\n${article}\n\n${article.replace(/ the /g, ' a ')}`;
      findings(unrelated);
      const fresh = findings(edited);
      findings(article);
      assert.deepStrictEqual(findings(edited), fresh);
      reused += fresh.length;
    }
    console.log(`      ${reused} quote-variant findings on ${articles.length} edited seed articles, the same with splits reused`);
    assert.ok(reused > 0, 'the edited articles give variants to compare');
  });

  test('second-hand: the span of an interview relay starts at "In an interview", not at the word that found it', () => {
    const text = 'The talks went well. In an interview with the newspaper Kommersant, the minister said so.';
    const found = analyzeArticle(text, kb, config).diagnostics.filter((d) => d.code === 'secondhand-source');
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['In an interview with the newspaper Kommersant']);
  });

  test('vague source: qualifiers widen a noun ("Western diplomats say"), never an adverb ("Putin reportedly")', () => {
    const spans = (text: string) => analyzeArticle(text, kb, config).diagnostics.filter((d) => d.code === 'vague-source').map((d) => text.slice(d.start, d.end));
    assert.deepEqual(spans('The talks, Western diplomats say, went well.'), ['Western diplomats say']);
    assert.deepEqual(spans('At the summit Putin reportedly highlighted trade.'), ['reportedly highlighted']);
  });

  test('vague source: "a"/"an" and other qualifiers are whole words before the noun', () => {
    const spans = (text: string) => analyzeArticle(text, kb, config).diagnostics.filter((d) => d.code === 'vague-source').map((d) => text.slice(d.start, d.end));
    assert.deepEqual(spans('A source familiar with the matter said the summit was postponed.'), ['A source familiar with the matter said']);
    assert.deepEqual(spans('The talks stalled, a person familiar with the matter said.'), ['a person familiar with the matter said']);
    assert.deepEqual(spans('Our data sources say the talks stalled.'), ['sources say']);
    assert.deepEqual(spans('The handsome analysts say the talks stalled.'), ['analysts say']);
  });

  test('severity settings apply, and "off" silences a rule', () => {
    const text = 'Analysts say the summit failed.';
    assert.equal(analyzeArticle(text, kb, resolveConfig({ rules: { 'vague-source': 'error' } })).diagnostics[0].severity, 'error');
    assert.equal(analyzeArticle(text, kb, resolveConfig({ rules: { 'vague-source': 'off' } })).diagnostics.length, 0);
  });

  test('the core imports no editor, file-system or network module', () => {
    const coreDir = path.join(repoRoot, 'server', 'src', 'core');
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(coreDir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(source, /from '(vscode|vscode-languageserver(\/node)?|node:fs|fs|node:path|path|node:http|node:child_process)'/, file);
    }
  });
});
