/**
 * extensionTestsPath entry for the in-editor suite: loaded by the VS Code extension host
 * (@vscode/test-electron, or code-server via the workbench `payload`, see test/e2e/runCodeServer.ts).
 *
 * Runs every `*.e2e.js` next to this file with mocha (tdd UI). When E2E_RESULTS is set, writes
 * `{ ok, stats, passes, failures, pending, host }` there as JSON: code-server's log always reports
 * the extension host exiting with 0, so the drivers read this file instead.
 *
 * Files are named `*.e2e.ts` so the unit run (.mocharc.json globs `*.test.js`) never picks them up.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestRecord {
  readonly title: string;
  readonly fullTitle: string;
  readonly durationMs?: number;
  readonly message?: string;
  readonly stack?: string;
}

export function run(): Promise<void> {
  const timeout = Number(process.env.E2E_TEST_TIMEOUT_MS ?? 90_000);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout, reporter: 'spec' });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const passes: TestRecord[] = [];
  const failures: TestRecord[] = [];
  const pending: TestRecord[] = [];
  const started = Date.now();

  return new Promise<void>((resolve, reject) => {
    const finish = (failureCount: number, stats: Mocha.Stats | undefined, loadError?: unknown): void => {
      const report = {
        ok: failureCount === 0 && !loadError && files.length > 0,
        stats: stats ?? null,
        files,
        passes,
        failures,
        pending,
        loadError: loadError ? String((loadError as Error)?.stack ?? loadError) : undefined,
        durationMs: Date.now() - started,
        host: hostInfo(),
      };
      const out = process.env.E2E_RESULTS;
      if (out) {
        try {
          fs.mkdirSync(path.dirname(out), { recursive: true });
          fs.writeFileSync(out, JSON.stringify(report, null, 2));
        } catch (e) {
          console.error(`[cis-lens e2e] cannot write E2E_RESULTS=${out}: ${String(e)}`);
        }
      }
      console.log(`[cis-lens e2e] ${passes.length} passing, ${failures.length} failing, ${pending.length} pending`);
      if (report.ok) resolve();
      else reject(new Error(files.length === 0 ? `no *.e2e.js files in ${__dirname}` : `${failureCount} e2e test(s) failed`));
    };

    if (files.length === 0) return finish(1, undefined);
    try {
      const runner = mocha.run((failureCount) => finish(failureCount, runner.stats));
      const rec = (t: Mocha.Runnable, err?: Error): TestRecord => ({
        title: t.title,
        fullTitle: t.fullTitle(),
        durationMs: t.duration,
        message: err?.message,
        stack: err?.stack,
      });
      runner.on('pass', (t) => passes.push(rec(t)));
      runner.on('fail', (t, err: Error) => failures.push(rec(t, err)));
      runner.on('pending', (t) => pending.push(rec(t)));
    } catch (e) {
      finish(1, undefined, e);
    }
  });
}

function hostInfo(): Record<string, unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as typeof import('vscode');
    return { appName: vscode.env.appName, uiKind: vscode.env.uiKind, remoteName: vscode.env.remoteName, version: vscode.version };
  } catch {
    return {};
  }
}
