/**
 * Loads the TextMate grammars the way VS Code does (vscode-textmate with the Oniguruma WASM build), for the
 * grammar tests and the benchmark. Also the pathological lines both of them feed the grammar.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';
import { repoRoot } from './kb';

export const ARTICLE_GRAMMAR = path.join(repoRoot, 'syntaxes/cis-article.tmLanguage.json');
export const INJECTION_GRAMMAR = path.join(repoRoot, 'syntaxes/cis-article.injection.tmLanguage.json');

/** Lines that would make a careless grammar backtrack for seconds: long runs of marks, names, numbers and dates. */
export const PATHOLOGICAL_LINES: readonly string[] = [
  '‘a '.repeat(3000), "'a ".repeat(3000), '1,'.repeat(10000) + 'x', 'MOSCOW '.repeat(3) + 'A'.repeat(10000),
  'By ' + 'Jane '.repeat(3000) + 'doe', '“'.repeat(3000), 'April '.repeat(3000), '5 '.repeat(3000) + 'May',
  'the leaders’ ‘a’b’c’d’e '.repeat(500), '“‘«„'.repeat(1000),
];

let onigLib: Promise<tm.IOnigLib> | undefined;
function getOnigLib(): Promise<tm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    };
  })();
  return onigLib;
}

/** Loads a grammar by scope name; `markdown` is the raw text of the Markdown base grammar to use. */
export async function loadGrammar(scopeName: string, markdown?: { file: string; text: string }): Promise<tm.IGrammar> {
  const sources: Record<string, { file: string; text: string }> = {
    'text.cis-article': { file: ARTICLE_GRAMMAR, text: fs.readFileSync(ARTICLE_GRAMMAR, 'utf8') },
    'cis-lens.injection': { file: INJECTION_GRAMMAR, text: fs.readFileSync(INJECTION_GRAMMAR, 'utf8') },
  };
  if (markdown) sources['text.html.markdown'] = markdown;
  const registry = new tm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scope) => {
      const source = sources[scope];
      return source ? tm.parseRawGrammar(source.text, source.file) : null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['cis-lens.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} did not load`);
  return grammar;
}

