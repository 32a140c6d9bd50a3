/**
 * Language features through the real vscode command API, on seed 000 (starts with "Putin’s remarks…"):
 * hover, document symbols, definition into the KB JSON, semantic tokens, code actions.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, describeDiagnostics, FIRST_WAIT_MS, hoverText, kbIdLine, openSeed, ours, patience, positionOf, seedFiles, symbolOutline, waitFor, waitForServer } from './util';

const SEED = process.env.E2E_FEATURE_SEED ?? '000_9e14f92e9c3a9cd6.txt';
const PERSON = 'Vladimir Putin';
const MENTION = 'Putin';

type Sym = vscode.DocumentSymbol | vscode.SymbolInformation;

function findSymbol(symbols: readonly Sym[], pred: (s: Sym) => boolean): Sym | undefined {
  for (const s of symbols) {
    if (pred(s)) return s;
    const inner = 'children' in s && s.children ? findSymbol(s.children, pred) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

suite('CIS Lens e2e: language features', () => {
  let doc: vscode.TextDocument;
  let at: vscode.Position;

  suiteSetup(async function () {
    this.timeout(FIRST_WAIT_MS + 30_000);
    assert.ok(seedFiles().includes(SEED), `seed ${SEED} not found`);
    await activate();
    doc = await openSeed(SEED, true);
    at = positionOf(doc, MENTION);
    // The server has analysed the document once it has published for it; the tests still retry.
    if (await waitForServer()) await waitFor(`cis-lens diagnostics on ${SEED}`, () => ours(doc.uri).length > 0, patience()).catch(() => undefined);
  });

  test(`hover on "${MENTION}" shows "${PERSON}"`, async () => {
    let last = '';
    try {
      await waitFor('hover', async () => {
        last = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
        return last.includes(PERSON);
      }, patience());
    } catch {
      assert.fail(`hover at L${at.line + 1}:${at.character + 1} ("${MENTION}") does not contain "${PERSON}"; got: ${JSON.stringify(last.slice(0, 400))}`);
    }
  });

  test(`document symbols: a People group containing ${PERSON}`, async () => {
    let symbols: Sym[] = [];
    const ok = await waitFor('document symbols', async () => {
      symbols = (await vscode.commands.executeCommand<Sym[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
      return symbols.length > 0;
    }, patience()).catch(() => false);
    assert.ok(ok, 'executeDocumentSymbolProvider returned no symbols');
    const outline = symbolOutline(symbols).join('\n');
    assert.ok(symbols.every((s) => 'children' in s), `symbols are flat SymbolInformation, not a DocumentSymbol tree:\n${outline}`);
    const people = findSymbol(symbols, (s) => /^people\b/i.test(s.name.trim()));
    assert.ok(people, `no "People" group in the symbol tree:\n${outline}`);
    const putin = findSymbol((people as vscode.DocumentSymbol).children ?? [], (s) => s.name.includes(PERSON));
    assert.ok(putin, `"People" group has no "${PERSON}":\n${outline}`);
  });

  test(`definition on "${MENTION}" lands on the entity's "id" line in seeds/kb/*.json`, async () => {
    let locs: (vscode.Location | vscode.LocationLink)[] = [];
    const ok = await waitFor('definition', async () => {
      locs = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at)) ?? [];
      return locs.length > 0;
    }, patience()).catch(() => false);
    assert.ok(ok, `executeDefinitionProvider returned nothing at L${at.line + 1}:${at.character + 1}`);
    const describe = (l: vscode.Location | vscode.LocationLink): string => {
      const uri = 'targetUri' in l ? l.targetUri : l.uri;
      const r = 'targetUri' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;
      return `${uri.toString()} L${r.start.line + 1}`;
    };
    const hits = locs.filter((l) => {
      const uri = 'targetUri' in l ? l.targetUri : l.uri;
      return /[\\/]seeds[\\/]kb[\\/][^\\/]+\.json$/.test(uri.fsPath);
    });
    assert.ok(hits.length > 0, `no definition under seeds/kb/*.json: ${locs.map(describe).join(', ')}`);
    const problems: string[] = [];
    for (const l of hits) {
      const uri = 'targetUri' in l ? l.targetUri : l.uri;
      const lines = 'targetUri' in l ? [l.targetSelectionRange?.start.line, l.targetRange.start.line] : [l.range.start.line];
      const want = kbIdLine(uri.fsPath, PERSON);
      if (want === undefined) problems.push(`${path.basename(uri.fsPath)} has no entity named "${PERSON}"`);
      else if (lines.includes(want)) return;
      else problems.push(`${describe(l)} but the "id" of ${PERSON} is on L${want + 1}`);
    }
    assert.fail(`definition target line: ${problems.join('; ')}`);
  });

  test('semantic tokens for the article', async () => {
    let tokens: vscode.SemanticTokens | undefined;
    const ok = await waitFor('semantic tokens', async () => {
      tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
      return !!tokens && tokens.data.length > 0;
    }, patience()).catch(() => false);
    assert.ok(ok, `vscode.provideDocumentSemanticTokens returned ${tokens ? `${tokens.data.length} ints` : 'nothing'}`);
    assert.strictEqual(tokens!.data.length % 5, 0, 'semantic token data is not a multiple of 5');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    assert.ok(legend && legend.tokenTypes.length > 0, 'no semantic tokens legend');
  });

  test('code actions over a cis-lens diagnostic', async () => {
    const ds = ours(doc.uri);
    assert.ok(ds.length > 0, `no cis-lens diagnostics on ${SEED} to ask for code actions`);
    const tried: string[] = [];
    for (const d of ds) {
      const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, d.range)) ?? [];
      if (actions.length > 0) return;
      tried.push(describeDiagnostics([d]));
    }
    assert.fail(`no code action offered over any cis-lens diagnostic:\n${tried.join('\n')}`);
  });
});
