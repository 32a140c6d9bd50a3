// TextMate grammar checks that vscode-tmgrammar-test cannot do on its own:
//  - the Markdown injection (needs a Markdown base grammar: a small stand-in is always used, and
//    VS Code's real one too when it is available locally, e.g. in the code-server cache);
//  - the manifest wiring of both grammars;
//  - pathological lines are tokenized to the end (their time is measured by `npm run bench`).
// Per-construct scope assertions for .article files live in test/grammar/*.article.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tm from 'vscode-textmate';
import { loadGrammar, PATHOLOGICAL_LINES } from '../helpers/grammar';
import { repoRoot as ROOT } from '../helpers/kb';

const REAL_MARKDOWN_GRAMMARS = [
  process.env.CIS_LENS_MARKDOWN_GRAMMAR ?? '',
  path.join(ROOT, '.cache/code-server/node_modules/code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json'),
].filter((file) => file !== '' && fs.existsSync(file));

/** Just enough Markdown to host the injection: paragraphs with bold and inline code, fences, indented code, comments. */
const STUB_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#fenced' }, { include: '#indented' }, { include: '#comment' }, { include: '#paragraph' }],
  repository: {
    fenced: { name: 'markup.fenced_code.block.markdown', begin: '^```.*$', end: '^```[ \\t]*$' },
    indented: { name: 'markup.raw.block.markdown', match: '^ {4}.*$' },
    comment: { name: 'comment.block.html', begin: '<!--', end: '-->' },
    paragraph: {
      name: 'meta.paragraph.markdown',
      begin: '(^|\\G)(?=\\S)',
      while: '(^|\\G)(?=\\S)',
      patterns: [{ include: '#inline' }],
    },
    inline: {
      patterns: [
        { name: 'markup.inline.raw.string.markdown', match: '`[^`]*`' },
        { name: 'markup.bold.markdown', begin: '\\*\\*', end: '\\*\\*', patterns: [{ include: '#inline' }] },
      ],
    },
  },
};

interface Token { readonly text: string; readonly scopes: readonly string[] }

function tokenize(grammar: tm.IGrammar, text: string): Token[][] {
  let state: tm.StackElement = tm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Scopes of every token overlapping the first occurrence of `needle` on line `lineNo`. */
function scopesOf(lines: Token[][], lineNo: number, needle: string): string[][] {
  const tokens = lines[lineNo];
  const lineText = tokens.map((t) => t.text).join('');
  const start = lineText.indexOf(needle);
  assert.notEqual(start, -1, `"${needle}" not on line ${lineNo}: ${lineText}`);
  const result: string[][] = [];
  let offset = 0;
  for (const token of tokens) {
    const end = offset + token.text.length;
    if (end > start && offset < start + needle.length) result.push([...token.scopes]);
    offset = end;
  }
  return result;
}

const has = (scopes: string[][], prefix: string) => scopes.every((s) => s.some((x) => x.startsWith(prefix)));
const lacks = (scopes: string[][], prefix: string) => scopes.every((s) => !s.some((x) => x.startsWith(prefix)));

const SAMPLE = [
  'MOSCOW, April 5. /TASS/. Putin said on **Tuesday** that "the West" spent $90 billion.', // 0
  '', // 1
  '“We won’t back down,” Zelensky told reporters, according to **Interfax**.', // 2
  '', // 3
  'Inline `"code" 12% said` stays raw.', // 4
  '', // 5
  '```text', // 6
  '"fenced" 12% said', // 7
  '```', // 8
  '', // 9
  '    "indented" 12% said', // 10
  '', // 11
  '<!-- "comment" 12% said -->', // 12
].join('\n');

function markdownSuite(label: string, markdown: () => { file: string; text: string }): void {
  suite(`Markdown injection (${label})`, () => {
    let lines: Token[][];
    suiteSetup(async () => {
      lines = tokenize(await loadGrammar('text.html.markdown', markdown()), SAMPLE);
    });

    test('highlights a dateline without breaking the Markdown paragraph', () => {
      assert.ok(has(scopesOf(lines, 0, 'MOSCOW'), 'entity.name.section.place.cis-article'));
      assert.ok(has(scopesOf(lines, 0, 'TASS'), 'entity.name.tag.agency.cis-article'));
      assert.ok(has(scopesOf(lines, 0, 'Tuesday'), 'markup.bold.markdown'), 'bold after the dateline is still Markdown');
      assert.ok(has(scopesOf(lines, 0, 'Putin'), 'meta.paragraph.markdown'));
    });

    test('highlights quotations, money and attribution in prose', () => {
      assert.ok(has(scopesOf(lines, 0, 'the West'), 'string.quoted.double.cis-article'));
      assert.ok(has(scopesOf(lines, 0, '$90 billion'), 'constant.numeric.money.cis-article'));
      assert.ok(has(scopesOf(lines, 0, 'said'), 'keyword.other.attribution.cis-article'));
      assert.ok(has(scopesOf(lines, 2, 'We won’t back down,'), 'string.quoted.double.curly.cis-article'));
      assert.ok(has(scopesOf(lines, 2, 'according to'), 'keyword.other.attribution.cis-article'));
      assert.ok(has(scopesOf(lines, 2, 'Interfax'), 'markup.bold.markdown'), 'a line starting with a quote is still Markdown');
    });

    test('closes a straight quotation instead of opening a nested one', () => {
      const [closing] = scopesOf(lines, 0, '" spent');
      assert.equal(closing.filter((s) => s === 'string.quoted.double.cis-article').length, 1, closing.join(' '));
      assert.ok(lacks(scopesOf(lines, 0, ' spent'), 'string.quoted'));
    });

    test('leaves code, raw blocks and comments alone', () => {
      for (const [lineNo, needle] of [[4, '"code" 12% said'], [7, '"fenced" 12% said'], [10, '"indented" 12% said'], [12, '"comment" 12% said']] as const) {
        const scopes = scopesOf(lines, lineNo, needle);
        assert.ok(scopes.every((s) => !s.some((x) => x.endsWith('.cis-article'))), `line ${lineNo}: ${JSON.stringify(scopes)}`);
      }
    });
  });
}

markdownSuite('stand-in Markdown grammar', () => ({ file: 'stub-markdown.json', text: JSON.stringify(STUB_MARKDOWN) }));
for (const file of REAL_MARKDOWN_GRAMMARS.slice(0, 1)) {
  markdownSuite('VS Code Markdown grammar', () => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

suite('CIS article grammar', () => {
  test('both grammars are contributed in package.json with existing files', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; language?: string; injectTo?: string[] }[] };
    };
    const byScope = new Map(manifest.contributes.grammars.map((g) => [g.scopeName, g]));
    assert.equal(byScope.get('text.cis-article')?.language, 'cis-article');
    assert.deepEqual(byScope.get('cis-lens.injection')?.injectTo, ['text.html.markdown']);
    for (const g of byScope.values()) assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
  });

  test('tokenizes pathological lines to the end, the tokens covering each line', async () => {
    // How long they take is measured by `npm run bench`, not asserted here.
    const grammar = await loadGrammar('text.cis-article');
    for (const line of PATHOLOGICAL_LINES) {
      const result = grammar.tokenizeLine(line, tm.INITIAL);
      assert.equal(result.tokens[0]?.startIndex, 0);
      assert.ok(result.tokens[result.tokens.length - 1].endIndex >= line.length, `tokens stop short on ${JSON.stringify(line.slice(0, 20))}`);
    }
  });
});
