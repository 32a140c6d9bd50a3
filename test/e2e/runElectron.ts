/**
 * `npm run test:e2e:electron`: the in-editor suite in a downloaded desktop VS Code (@vscode/test-electron).
 * Needs network access to update.code.visualstudio.com and, on Linux without a display, `xvfb-run`.
 * Where that download is impossible use `npm run test:e2e:code-server` (same suite, same assertions).
 *
 *   VSCODE_VERSION=1.100.3   (default: 'stable')
 *   E2E_RESULTS=<file>        (default: test-results/e2e-electron.json)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../../..'); // out/test/e2e → repo root

async function main(): Promise<number> {
  const extensionTestsPath = path.join(ROOT, 'out/test/e2e/suite/index.js');
  if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) {
    console.error('[e2e:electron] dist/extension.js is missing: run `npm run build` first');
    return 1;
  }
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`[e2e:electron] ${extensionTestsPath} is missing: run \`npm run compile\` first`);
    return 1;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('[e2e:electron] warning: no DISPLAY; Electron needs one (run under `xvfb-run -a npm run test:e2e:electron`)');
  }
  const results = process.env.E2E_RESULTS ?? path.join(ROOT, 'test-results/e2e-electron.json');
  fs.rmSync(results, { force: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-e2e-ud-'));
  let code: number;
  try {
    code = await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      extensionTestsEnv: { E2E_RESULTS: results },
      launchArgs: [
        path.join(ROOT, 'seeds/articles'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
      ],
    });
  } catch (e) {
    console.error(`[e2e:electron] VS Code run failed: ${(e as Error)?.message ?? String(e)}`);
    code = 1;
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  if (fs.existsSync(results)) {
    const r = JSON.parse(fs.readFileSync(results, 'utf8')) as { stats?: { passes: number; failures: number }; failures: { fullTitle: string; message?: string }[] };
    console.log(`[e2e:electron] ${r.stats?.passes ?? 0} passing, ${r.stats?.failures ?? r.failures.length} failing (${results})`);
    for (const f of r.failures) console.log(`  ✗ ${f.fullTitle}\n    ${(f.message ?? '').split('\n').join('\n    ')}`);
  } else if (code === 0) {
    console.error(`[e2e:electron] the suite wrote no report to ${results}`);
    code = 1;
  }
  return code;
}

main().then((c) => process.exit(c), (e) => {
  console.error(e);
  process.exit(1);
});
