/**
 * Every seed article, opened in a real editor, gets the gold's expected diagnostics
 * (test/fixtures/gold/*.gold.json → diagnostics.expect) from the cis-lens server, at the gold's lines.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, codeOf, describeDiagnostics, FIRST_WAIT_MS, goldFor, openSeed, ours, patience, seedFiles, waitFor, waitForServer, type GoldSpan } from './util';

/** A diagnostic matches a gold span when the codes agree and its range covers the gold span's first line. */
function matches(d: vscode.Diagnostic, doc: vscode.TextDocument, g: GoldSpan): boolean {
  const line = doc.positionAt(g.start).line;
  return codeOf(d) === g.code && d.range.start.line <= line && line <= d.range.end.line;
}

function missing(doc: vscode.TextDocument, expect: readonly GoldSpan[]): GoldSpan[] {
  const ds = ours(doc.uri);
  return expect.filter((g) => !ds.some((d) => matches(d, doc, g)));
}

suite('CIS Lens e2e: diagnostics on the seed articles', () => {
  const docs = new Map<string, vscode.TextDocument>();
  let alive = false;

  suiteSetup(async function () {
    this.timeout(FIRST_WAIT_MS + 30_000);
    await activate();
    // Open every seed up front so the server analyses them while the first test waits.
    for (const seed of seedFiles()) docs.set(seed, await openSeed(seed));
    await vscode.window.showTextDocument(docs.get(seedFiles()[0])!, { preview: false });
    alive = await waitForServer();
  });

  for (const seed of seedFiles()) {
    const gold = goldFor(seed);
    test(`${seed}: expected diagnostics at the gold lines`, async function () {
      const wait = patience();
      this.timeout(wait + 10_000);
      assert.ok(gold, `no gold file for ${seed}`);
      const doc = docs.get(seed) ?? (await openSeed(seed));
      await vscode.window.showTextDocument(doc, { preview: false });

      // The gold offsets must address this document (UTF-16 code units, as document.positionAt expects).
      for (const g of gold.diagnostics.expect) {
        const got = doc.getText(new vscode.Range(doc.positionAt(g.start), doc.positionAt(g.end)));
        assert.strictEqual(got, g.text, `gold offsets ${g.start}-${g.end} do not match ${seed}`);
      }

      try {
        await waitFor(`gold diagnostics on ${seed}`, () => missing(doc, gold.diagnostics.expect).length === 0, wait);
      } catch {
        const lost = missing(doc, gold.diagnostics.expect);
        assert.fail(
          `${path.basename(seed)}: ${lost.length} expected diagnostic(s) missing:\n` +
            lost.map((g) => `  ${g.code} at L${doc.positionAt(g.start).line + 1} "${g.text}"`).join('\n') +
            `\ncis-lens diagnostics present:\n${describeDiagnostics(ours(doc.uri))}` +
            `\nall diagnostics on the document: ${vscode.languages.getDiagnostics(doc.uri).length}, languageId=${doc.languageId}` +
            (alive ? '' : `\n(no cis-lens diagnostic on any document within ${FIRST_WAIT_MS} ms: is the server starting? see its Output channel)`),
        );
      }
      for (const d of ours(doc.uri)) {
        assert.ok(codeOf(d), `a cis-lens diagnostic has no code: "${d.message}"`);
      }
    });
  }
});
