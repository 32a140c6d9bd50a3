/**
 * Time to first diagnostics: opening an article in a fresh editor activates CIS Lens (its `onLanguage` event)
 * if nothing has yet, starts the server, and shows diagnostics. Runs first (the file name sorts before the other
 * suites), before any article is open. Measures; it asserts only that the article gets diagnostics and that the
 * server was not started before an article was open.
 * The figures go to the log and, next to E2E_RESULTS, to e2e-startup.json, which the code-server runner prints.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, FIRST_WAIT_MS, openSeed, ours, seedFiles, waitFor } from './util';

interface StartupTimes {
  readonly loadedAt: number;
  readonly activatedAt?: number;
  readonly serverRequestedAt?: number;
  readonly serverReadyAt?: number;
  readonly firstDiagnosticsAt?: number;
}

suite('CIS Lens e2e: time to first diagnostics', () => {
  test('opening an article activates CIS Lens and shows its diagnostics (timings reported)', async function () {
    this.timeout(FIRST_WAIT_MS + 10_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const activeBefore = ext.isActive;
    const opened = Date.now();
    const doc = await openSeed(seedFiles()[0]!, true);
    await waitFor(`cis-lens diagnostics on ${path.basename(doc.uri.fsPath)}`, () => ours(doc.uri).length > 0, FIRST_WAIT_MS, 20);
    const shown = Date.now();
    const times = (ext.exports as { startup?: StartupTimes } | undefined)?.startup;
    const after = (t: number | undefined) => (t === undefined ? null : t - opened);
    const report = {
      activeBefore,
      openToActivateMs: activeBefore ? null : after(times?.activatedAt),
      openToServerStartMs: after(times?.serverRequestedAt),
      serverStartToReadyMs: times?.serverRequestedAt !== undefined && times.serverReadyAt !== undefined ? times.serverReadyAt - times.serverRequestedAt : null,
      openToFirstDiagnosticsMs: after(times?.firstDiagnosticsAt),
      openToDiagnosticsVisibleMs: shown - opened,
      extensionLoadToActivateMs: times?.activatedAt !== undefined ? times.activatedAt - times.loadedAt : null,
      host: `${vscode.env.appName} ${vscode.version}`,
    };
    console.log(`[cis-lens e2e] startup: ${JSON.stringify(report)}`);
    if (process.env.E2E_RESULTS) fs.writeFileSync(path.join(path.dirname(process.env.E2E_RESULTS), 'e2e-startup.json'), JSON.stringify(report, null, 2) + '\n');
    // The extension may already be active (VS Code fires onLanguage:plaintext for its own models at start-up),
    // but its server must start only for the article.
    assert.ok(times?.serverRequestedAt !== undefined && times.serverRequestedAt >= opened, `the server started before any article was opened: ${JSON.stringify(times)}`);
  });
});
