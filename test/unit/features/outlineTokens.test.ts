/** The Outline stays readable at any length, and semantic tokens encode exactly the spans a plain per-token encoding gives. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../../server/src/core';
import { reviewArticle } from '../../../server/src/core/review';
import { getDocumentSymbols, MAX_CHILD_ROWS } from '../../../server/src/features/documentSymbols';
import { getSemanticTokenData, tokenEdits } from '../../../server/src/features/semanticTokens';
import { builtInKb, repoRoot } from '../../helpers/kb';

const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
const config = resolveConfig({ fallbackDate: '2024-06-01' });

function open(text: string) {
  const doc = TextDocument.create('file:///t.txt', 'plaintext', 1, text);
  return { doc, article: reviewArticle(text, builtInKb().kb, config) };
}

function countRows(symbols: readonly DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + countRows(s.children ?? []), 0);
}

suite('Outline', () => {
  const long = seeds.join('\n\n').repeat(40); // about 200 seed articles in one document
  const { doc, article } = open(long);
  const symbols = getDocumentSymbols(doc, article);

  test('entity groups come in the README order, one row per entity with its kind and mention count', () => {
    const order = ['People', 'Countries', 'Organizations', 'Places', 'Events', 'Other names'];
    const groups = symbols.map((s) => s.name).filter((n) => order.includes(n));
    assert.deepEqual(groups, order.filter((n) => groups.includes(n)));
    const people = symbols.find((s) => s.name === 'People')!;
    const putin = people.children!.filter((c) => c.name === 'Vladimir Putin');
    assert.equal(putin.length, 1);
    const id = article.model.entities.find((e) => e.name === 'Vladimir Putin')!.id;
    const mentions = article.model.entities.filter((e) => e.id === id).length;
    assert.match(putin[0].detail!, new RegExp(`^person · ${mentions.toLocaleString('en-US')} mentions$`));
    assert.equal(putin[0].children, undefined, 'mentions are references, not child rows');
  });

  test('long lists end in one “… N more” row, and every range contains its selection and its children', () => {
    const quotes = symbols.find((s) => s.name === 'Quotes')!;
    const longest = quotes.children!.reduce((a, b) => (a.children!.length > b.children!.length ? a : b));
    assert.equal(longest.children!.length, MAX_CHILD_ROWS + 1);
    assert.match(longest.children![MAX_CHILD_ROWS].name, /^… [\d,]+ more$/);
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    const check = (s: DocumentSymbol) => {
      assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), s.name);
      for (const c of s.children ?? []) {
        assert.ok(before(s.range.start, c.range.start) && before(c.range.end, s.range.end), `${s.name} > ${c.name}`);
        check(c);
      }
    };
    symbols.forEach(check);
    const rows = countRows(symbols);
    console.log(`      Outline of ${long.length.toLocaleString('en-US')} characters: ${rows} rows, ${JSON.stringify(symbols).length.toLocaleString('en-US')} bytes of JSON (${article.model.entities.length.toLocaleString('en-US')} mentions)`);
    assert.ok(rows < 1500, `${rows} rows`);
  });
});

suite('Semantic tokens', () => {
  /** Absolute line, character and length of each encoded token. */
  function plainEncoding(data: readonly number[]): { line: number; character: number; length: number; type: number }[] {
    const out = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      out.push({ line, character, length: data[i + 2], type: data[i + 3] });
    }
    return out;
  }

  test('every token lies on one line, in order, without overlaps, and covers what the model found', () => {
    for (const text of [seeds[0], seeds[1].replace(/\n/g, '\r\n'), `${seeds[2]}\r${seeds[3]}`]) {
      const { doc, article } = open(text);
      const data = getSemanticTokenData(doc, article);
      assert.equal(data.length % 5, 0);
      const tokens = plainEncoding(data);
      let previous = -1;
      for (const t of tokens) {
        const start = doc.offsetAt({ line: t.line, character: t.character });
        const end = start + t.length;
        assert.ok(start >= previous, 'tokens in order, not overlapping');
        assert.equal(doc.positionAt(end).line, t.line, 'a token stays on its line');
        assert.ok(!/[\r\n]/.test(text.slice(start, end)));
        previous = end;
      }
      const covered = new Uint8Array(text.length);
      for (const t of tokens) covered.fill(1, doc.offsetAt({ line: t.line, character: t.character }), doc.offsetAt({ line: t.line, character: t.character }) + t.length);
      assert.ok(article.model.entities.length > 0);
      for (const e of article.model.entities) assert.equal(covered[e.start], 1, `entity at ${e.start} has a token`);
    }
  });

  test('delta edits turn the previous tokens into the next ones', () => {
    fc.assert(fc.property(fc.array(fc.nat(4), { maxLength: 60 }), fc.array(fc.nat(4), { maxLength: 60 }), (a, b) => {
      const previous = a.slice(0, a.length - (a.length % 5));
      const next = b.slice(0, b.length - (b.length % 5));
      const applied = [...previous];
      for (const e of [...tokenEdits(previous, next)].reverse()) applied.splice(e.start, e.deleteCount, ...(e.data ?? []));
      assert.deepEqual(applied, next);
    }), { numRuns: 500 });
  });
});
