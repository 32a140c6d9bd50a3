/**
 * `npm run test:e2e:code-server`: CIS Lens in a real VS Code (code-server 4.100.3 = VS Code 1.100.3),
 * driven by headless Chromium through playwright-core. See /work/shared/recipes/code-server.md.
 *
 * Needs: cis-lens.vsix (`npm run package`), code-server (`bash scripts/install-code-server.sh`),
 * /usr/bin/chromium, and the compiled suite (out/test/e2e/suite). Packages nothing itself.
 *
 * Phase "suite": installs the .vsix into a fresh extensions dir, starts code-server, opens the workbench
 *   with extensionTestsPath = out/test/e2e/suite in the URL payload; the workbench calls
 *   window.codeAutomationExit(code) when mocha is done; the suite's JSON report (E2E_RESULTS) is printed.
 *   While it runs, a suite may ask for a screenshot of the workbench by writing `<E2E_SHOTS>/<name>.request`;
 *   the runner saves `<name>.png` beside it and removes the request (test/e2e/suite/review.e2e.ts does, per step).
 * Phase "ui": a person's view: opens a seed from the Explorer, hovers "Putin", opens Problems, Outline,
 *   presses F12 on a mention; screenshots to test-results/{hover,problems,outline,definition}.png (git-ignored;
 *   the README shows copies in docs/screenshots/). Time to first diagnostics (suite/0-startup.e2e.ts and the
 *   UI's click → first squiggle) goes to test-results/e2e-startup.json and is printed.
 *
 * Env: E2E_PHASES=suite,ui  E2E_TIMEOUT_MS (suite, default 300000)  E2E_UI_TIMEOUT_MS (per step, 30000)
 *      CIS_LENS_VSIX  CODE_SERVER_ENTRY  CHROMIUM_PATH  E2E_KEEP_TMP=1
 * Exit: 0 all passed, 1 a failure, 2 a prerequisite missing, 124 the suite timed out.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { kbIdLine } from './kb';

const ROOT = path.resolve(__dirname, '../../..'); // out/test/e2e → repo root
const ENTRY = process.env.CODE_SERVER_ENTRY ?? path.join(ROOT, '.cache/code-server/node_modules/code-server/out/node/entry.js');
const VSIX = path.resolve(process.env.CIS_LENS_VSIX ?? path.join(ROOT, 'cis-lens.vsix'));
/** E2E_DEV_PATH=<extension folder>: load it unpackaged as a development extension instead of installing the .vsix. */
const DEV_PATH = process.env.E2E_DEV_PATH ? path.resolve(process.env.E2E_DEV_PATH) : undefined;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WORKSPACE = path.join(ROOT, 'seeds/articles');
const SUITE_DIR = path.resolve(process.env.E2E_SUITE_DIR ?? path.join(ROOT, 'out/test/e2e/suite'));
const OUT = path.join(ROOT, 'test-results');
const RESULTS = path.join(OUT, 'e2e-code-server.json');
/** Screenshots the suite asks for (the review scenario: one per step), git-ignored. */
const SHOTS = path.join(OUT, 'review');
const PHASES = (process.env.E2E_PHASES ?? 'suite,ui').split(',').map((s) => s.trim());
const SUITE_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
const STEP_TIMEOUT = Number(process.env.E2E_UI_TIMEOUT_MS ?? 30_000);
const SEED = process.env.E2E_FEATURE_SEED ?? '000_9e14f92e9c3a9cd6.txt';
const PERSON = 'Vladimir Putin';
const MENTION = 'Putin';
/** publisher.name, as the .vsix installs it (the publisher id is whatever package.json says). */
const EXTENSION_ID = (() => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${manifest.publisher}.${manifest.name}`.toLowerCase();
})();
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const t0 = Date.now();
const log = (msg: string): void => console.log(`[e2e:code-server +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

// ---------------------------------------------------------------------------------------------- server
class CodeServer {
  proc?: ChildProcess;
  url = '';
  readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-cs-'));
  readonly userData = path.join(this.tmp, 'user-data');
  readonly extDir = path.join(this.tmp, 'extensions');
  readonly config = path.join(this.tmp, 'config.yaml');
  /** The unpacked .vsix inside extDir (after installVsix). */
  installedDir?: string;
  private readonly logFile = fs.createWriteStream(path.join(OUT, 'code-server.log'));

  constructor() {
    fs.mkdirSync(path.join(this.userData, 'User'), { recursive: true });
    fs.mkdirSync(this.extDir, { recursive: true });
    fs.writeFileSync(path.join(this.userData, 'User/settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'editor.hover.delay': 200,
      'git.openRepositoryInParentFolders': 'never',
      'git.enabled': false,
    }, null, 2));
    fs.writeFileSync(this.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  }

  private commonArgs(): string[] {
    return ['--config', this.config, '--user-data-dir', this.userData, '--extensions-dir', this.extDir];
  }

  installVsix(): void {
    const r = spawnSync(process.execPath, [ENTRY, ...this.commonArgs(), '--install-extension', VSIX], { encoding: 'utf8', timeout: 180_000 });
    this.logFile.write(`$ code-server --install-extension ${VSIX}\n${r.stdout}${r.stderr}\n`);
    const installed = fs.readdirSync(this.extDir).filter((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
    if (r.status !== 0 || installed.length === 0) {
      throw new Error(`--install-extension ${VSIX} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
    this.installedDir = path.join(this.extDir, installed[0]);
    log(`installed ${installed.join(', ')} into a fresh extensions dir`);
    for (const f of ['dist/extension.js', 'dist/server.js']) {
      if (!fs.existsSync(path.join(this.installedDir, f))) log(`WARNING: the .vsix has no ${f}: the tests below will fail`);
    }
  }

  /** Starts code-server as its own process group (detached = setsid) and resolves with its URL. */
  start(env: NodeJS.ProcessEnv): Promise<string> {
    const args = [ENTRY, ...this.commonArgs(), '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', WORKSPACE];
    const proc = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.proc = proc;
    return new Promise<string>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`code-server did not report "HTTP server listening" within 60 s:\n${buf.slice(-2000)}`)), 60_000);
      const onData = (chunk: Buffer): void => {
        this.logFile.write(chunk);
        if (this.url) return;
        buf += chunk.toString();
        const m = /HTTP server listening on (https?:\/\/[^\s]+)/.exec(buf);
        if (m) {
          clearTimeout(timer);
          this.url = m[1].replace(/\/?$/, '/');
          resolve(this.url);
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code, sig) => {
        clearTimeout(timer);
        if (!this.url) reject(new Error(`code-server exited (${code ?? sig}) before listening:\n${buf.slice(-2000)}`));
      });
    });
  }

  /** TERM then KILL the whole process group (a file-watcher child can outlive the server briefly). */
  async stop(): Promise<void> {
    const pid = this.proc?.pid;
    if (pid) {
      const alive = (): boolean => { try { process.kill(-pid, 0); return true; } catch { return false; } };
      try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
      for (let i = 0; i < 30 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
      this.proc = undefined;
    }
    this.logFile.end();
    if (!process.env.E2E_KEEP_TMP) fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  /** Synchronous last resort for process 'exit'. */
  killNow(): void {
    const pid = this.proc?.pid;
    if (pid) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

// ---------------------------------------------------------------------------------------------- phase 1
interface Report {
  ok: boolean;
  stats: { passes: number; failures: number; pending: number; tests: number; duration?: number } | null;
  passes: { fullTitle: string; durationMs?: number }[];
  failures: { fullTitle: string; message?: string; stack?: string }[];
  pending: { fullTitle: string }[];
  loadError?: string;
  host?: Record<string, unknown>;
}

async function runSuite(server: CodeServer): Promise<number> {
  fs.rmSync(RESULTS, { force: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-chromium-'));
  const hostLog: string[] = [];
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROME_ARGS, viewport: { width: 1400, height: 900 } });
    let exitWith: (code: number) => void = () => undefined;
    const exited = new Promise<number>((r) => (exitWith = r));
    await context.exposeFunction('codeAutomationExit', (code: number) => { exitWith(Number(code)); });
    await context.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      hostLog.push(`${type}: ${formatPrintf(args)}`);
    });
    const page = context.pages()[0] ?? (await context.newPage());
    // code-server 4.100.3 runs extensionTestsPath only in extension-development mode (checked: with the
    // .vsix merely installed, run() is never called). So the installed copy, i.e. the .vsix's own files,
    // is also named as extensionDevelopmentPath.
    const url = workbenchUrl(server, [['extensionTestsPath', `vscode-remote://remote${SUITE_DIR}`]], DEV_PATH ?? server.installedDir);
    log(`suite: opening the workbench with extensionTestsPath=${SUITE_DIR}`);
    await page.goto(url);
    const shots = answerScreenshotRequests(page);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<number>((r) => (timer = setTimeout(() => r(124), SUITE_TIMEOUT)))]);
    clearTimeout(timer);
    clearInterval(shots);
    fs.writeFileSync(path.join(OUT, 'e2e-code-server-host.log'), hostLog.join('\n') + '\n');
    if (code === 124) log(`suite: TIMED OUT after ${SUITE_TIMEOUT / 1000} s (no codeAutomationExit)`);
    else log(`suite: workbench reported exit code ${code}`);
    return printReport(code);
  } finally {
    await context?.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Polls SHOTS for `<name>.request` files and answers each with `<name>.png` of the page. */
function answerScreenshotRequests(page: Page): NodeJS.Timeout {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    const requests = fs.readdirSync(SHOTS).filter((f) => f.endsWith('.request')).sort();
    if (requests.length === 0) return;
    busy = true;
    void (async () => {
      for (const request of requests) {
        const name = request.slice(0, -'.request'.length);
        await page.screenshot({ path: path.join(SHOTS, `${name}.png`) }).catch((e: Error) => log(`screenshot ${name} failed: ${e.message}`));
        fs.rmSync(path.join(SHOTS, request), { force: true });
      }
    })().finally(() => { busy = false; });
  }, 200);
}

/**
 * Copies the extension's output channels ("CIS Lens": client errors + the server's stderr) and the
 * remote extension host log out of the temporary user-data dir into test-results/. Returns the CIS Lens log.
 */
function collectOutputLogs(server: CodeServer): string | undefined {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/CIS Lens\.log$|^remoteexthost\.log$/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(server.userData, 'logs'));
  let main: string | undefined;
  found.forEach((f, i) => {
    const dest = path.join(OUT, /CIS Lens/.test(f) ? `cis-lens-output-${i}.log` : `exthost-${i}.log`);
    fs.copyFileSync(f, dest);
    if (/CIS Lens/.test(f) && fs.statSync(f).size > 0) main = dest;
  });
  return main;
}

/** Workbench URL for the workspace; `payload` carries what the desktop CLI takes as --extensionTestsPath etc. */
function workbenchUrl(server: CodeServer, extra: string[][], devPath = DEV_PATH): string {
  const payload = [
    ...(devPath ? [['extensionDevelopmentPath', `vscode-remote://remote${devPath}`]] : []),
    ...extra,
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  return `${server.url}?folder=${encodeURIComponent(WORKSPACE)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function formatPrintf(args: unknown[]): string {
  if (!Array.isArray(args)) return String(args);
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  let i = 0;
  const s = first.replace(/%[sdifoOc]/g, () => (i < rest.length ? String(rest[i++]) : ''));
  return [s, ...rest.slice(i).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))].join(' ');
}

const STARTUP = path.join(OUT, 'e2e-startup.json');

/** Adds figures to test-results/e2e-startup.json (the suite writes the first ones, see suite/0-startup.e2e.ts). */
function recordStartup(figures: Record<string, unknown>): void {
  const current = fs.existsSync(STARTUP) ? (JSON.parse(fs.readFileSync(STARTUP, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(STARTUP, JSON.stringify({ ...current, ...figures }, null, 2) + '\n');
}

function printStartup(): void {
  if (!fs.existsSync(STARTUP)) return;
  const t = JSON.parse(fs.readFileSync(STARTUP, 'utf8')) as Record<string, number | string | boolean | null>;
  const ms = (v: unknown) => (typeof v === 'number' ? `${v} ms` : 'n/a');
  console.log('── time to first diagnostics (opening a seed article in a fresh window) ──');
  if ('openToDiagnosticsVisibleMs' in t) {
    console.log(`  suite: extension ${t.activeBefore ? 'already active' : `activated ${ms(t.openToActivateMs)} after open`}; open → server start ${ms(t.openToServerStartMs)}; ` +
      `server start → ready ${ms(t.serverStartToReadyMs)}; ` +
      `open → first diagnostics at the client ${ms(t.openToFirstDiagnosticsMs)}, visible through the API ${ms(t.openToDiagnosticsVisibleMs)}`);
  }
  if ('uiClickToFirstSquiggleMs' in t) console.log(`  UI: click in the Explorer → first squiggle drawn ${ms(t.uiClickToFirstSquiggleMs)}`);
  console.log(`  → ${STARTUP}\n`);
}

function printReport(exitCode: number): number {
  if (!fs.existsSync(RESULTS)) {
    log(`suite: FAIL: no report at ${RESULTS} (the suite did not load or run; see test-results/e2e-code-server-host.log and code-server.log)`);
    return exitCode === 0 ? 1 : exitCode;
  }
  const r = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Report;
  console.log(`\n── in-editor suite (${String(r.host?.appName ?? '?')} ${String(r.host?.version ?? '')}) ──`);
  for (const p of r.passes) console.log(`  ✓ ${p.fullTitle}${p.durationMs ? ` (${p.durationMs} ms)` : ''}`);
  for (const p of r.pending) console.log(`  - ${p.fullTitle} (pending)`);
  for (const f of r.failures) console.log(`  ✗ ${f.fullTitle}\n      ${(f.message ?? '').split('\n').join('\n      ')}`);
  if (r.loadError) console.log(`  load error: ${r.loadError}`);
  console.log(`  ${r.passes.length} passing, ${r.failures.length} failing, ${r.pending.length} pending → ${RESULTS}\n`);
  printStartup();
  if (exitCode === 0 && !r.ok) return 1;
  if (exitCode !== 0) return exitCode;
  return 0;
}

// ---------------------------------------------------------------------------------------------- phase 2
interface StepResult { step: string; ok: boolean; detail: string; ms: number }

async function runUi(server: CodeServer): Promise<number> {
  const steps: StepResult[] = [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const step = async (name: string, shot: string | undefined, fn: () => Promise<string>): Promise<boolean> => {
      const s = Date.now();
      let ok = false;
      let detail: string;
      try {
        detail = await fn();
        ok = true;
      } catch (e) {
        detail = ((e as Error)?.message ?? String(e)).split('\n').slice(0, 8).join('\n      ');
      }
      if (shot) await page.screenshot({ path: path.join(OUT, shot) }).catch(() => undefined);
      steps.push({ step: name, ok, detail, ms: Date.now() - s });
      log(`ui: ${ok ? 'PASS' : 'FAIL'} ${name} (${Date.now() - s} ms)${detail ? `: ${detail}` : ''}`);
      return ok;
    };

    const opened = await step('open the workbench and the seed from the Explorer', undefined, async () => {
      await page.goto(workbenchUrl(server, []));
      await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT });
      let row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first();
      if (!(await row.isVisible().catch(() => false))) {
        await row.waitFor({ timeout: 10_000 }).catch(async () => {
          await page.keyboard.press('Control+Shift+E'); // reveal the Explorer if another view is showing
        });
        row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first();
      }
      const clicked = Date.now();
      await row.click({ timeout: STEP_TIMEOUT });
      await page.locator('.tabs-container .tab.active', { hasText: SEED }).waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.editor-instance .view-line', { hasText: MENTION }).first().waitFor({ timeout: STEP_TIMEOUT });
      // A person's time to first diagnostics: from the click in a freshly loaded workbench (CIS Lens not yet
      // active) to the first squiggle drawn in the editor.
      await page.locator('.editor-instance [class*="squiggly-"]').first().waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
      const ms = Date.now() - clicked;
      recordStartup({ uiClickToFirstSquiggleMs: ms });
      return `first squiggle ${ms} ms after the click`;
    });
    if (!opened) return summarizeUi(steps);

    await step(`hover over "${MENTION}" shows "${PERSON}"`, 'hover.png', async () => {
      const deadline = Date.now() + STEP_TIMEOUT;
      let seen = '';
      for (let attempt = 1; Date.now() < deadline; attempt++) {
        const box = await wordBox(page, MENTION);
        if (!box) throw new Error(`"${MENTION}" is not visible in the editor`);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200); // away, then onto the word
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
        const card = page.locator('.monaco-hover', { hasText: PERSON }).first();
        if (await card.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
          // let the fade-in finish so the screenshot shows the card opaque
          await page.waitForFunction(`Array.from(document.querySelectorAll('.monaco-hover')).some((h) => {
            for (let e = h; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
            return h.offsetParent !== null; })`, undefined, { timeout: 3_000 }).catch(() => undefined);
          return `attempt ${attempt}: ${(await card.innerText()).replace(/\s+/g, ' ').slice(0, 140)}`;
        }
        seen = (await page.locator('.monaco-hover').allInnerTexts()).join(' | ').replace(/\s+/g, ' ').slice(0, 300);
      }
      throw new Error(`no hover card containing "${PERSON}"; hover texts seen: ${JSON.stringify(seen)}`);
    });

    await step('Problems panel (Ctrl+Shift+M) lists a cis-lens diagnostic', 'problems.png', async () => {
      await page.mouse.move(5, 400);
      await page.keyboard.press('Escape');
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: /cis-lens/ }).first();
      const ok = await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT }).then(() => true, () => false);
      const rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      if (!ok) throw new Error(`no cis-lens row in Problems; rows: ${JSON.stringify(rows.slice(0, 8))}`);
      return `${rows.filter((t) => /cis-lens/.test(t)).length} cis-lens row(s), e.g. ${JSON.stringify(rows.find((t) => /cis-lens/.test(t))?.slice(0, 120))}`;
    });

    await step(`Outline view lists "${PERSON}"`, 'outline.png', async () => {
      await page.locator('.editor-instance .view-lines').first().click();
      await runCommand(page, 'Focus on Outline View');
      const rows = page.locator('.outline-pane .monaco-list-row');
      await rows.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const entity = page.locator('.outline-pane .monaco-list-row', { hasText: PERSON }).first();
      if (!(await entity.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) {
        // groups may be collapsed: expand "People"
        const people = page.locator('.outline-pane .monaco-list-row', { hasText: /People/ }).first();
        if (await people.isVisible().catch(() => false)) {
          if ((await people.getAttribute('aria-expanded')) === 'false') await people.locator('.monaco-tl-twistie').click();
        }
        const ok = await entity.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
        if (!ok) throw new Error(`no "${PERSON}" in the Outline; rows: ${JSON.stringify((await rows.allInnerTexts()).slice(0, 12))}`);
      }
      return JSON.stringify((await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).slice(0, 8));
    });

    await step(`F12 on "${MENTION}" opens seeds/kb/*.json at the entity's "id" line`, 'definition.png', async () => {
      await page.locator('.tabs-container .tab', { hasText: SEED }).first().click();
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+Home'); // seed 000 begins with "Putin’s remarks…"
      const box = await wordBox(page, MENTION);
      if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // cursor inside the mention
      await page.keyboard.press('F12');
      const tab = page.locator('.tabs-container .tab.active', { hasText: /\.json/ }).first();
      const landed = await tab.waitFor({ state: 'visible', timeout: STEP_TIMEOUT }).then(() => true, () => false);
      if (!landed) {
        const peek = await page.locator('.peekview-widget').isVisible().catch(() => false);
        const active = await page.locator('.tabs-container .tab.active').first().innerText().catch(() => '?');
        throw new Error(`no .json editor opened by F12 (active tab: ${JSON.stringify(active)}${peek ? ', a peek view opened instead: several definitions?' : ''})`);
      }
      const name = (await tab.innerText()).split('\n')[0].trim();
      const crumbs = (await page.locator('.breadcrumbs-control').first().innerText().catch(() => '')).replace(/\s+/g, '/');
      if (!/seeds\/kb/.test(crumbs) && !(await tab.getAttribute('title').catch(() => ''))?.includes('seeds/kb')) {
        // Breadcrumbs are the only on-screen full path; still accept when the file exists under a seeds/kb.
        if (candidates(name).length === 0) throw new Error(`opened ${name} (breadcrumbs ${JSON.stringify(crumbs)}) is not a seeds/kb file`);
      }
      const want = candidates(name).map((f) => kbIdLine(f, PERSON)).filter((l): l is number => l !== undefined);
      const status = page.locator('[id="status.editor.selection"]').first();
      const deadline = Date.now() + 10_000;
      let line = -1;
      let text = '';
      while (Date.now() < deadline) {
        text = await status.innerText().catch(() => '');
        const m = /Ln\s*(\d+)/.exec(text);
        line = m ? Number(m[1]) - 1 : -1;
        if (want.includes(line)) break;
        await page.waitForTimeout(200); // the status bar lags the cursor by a frame
      }
      const where = `${name} (${crumbs || 'no breadcrumbs'}), cursor ${text || '?'}`;
      if (want.length === 0) throw new Error(`${where}: no entity "${PERSON}" with an "id" in ${candidates(name).join(', ') || `any seeds/kb/${name}`}`);
      if (!want.includes(line)) throw new Error(`${where}: expected the "id" line L${want.map((l) => l + 1).join('/')}`);
      return where;
    });

    return summarizeUi(steps);
  } catch (e) {
    log(`ui: FAIL ${(e as Error)?.message ?? e}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    fs.writeFileSync(path.join(OUT, 'e2e-code-server-ui.json'), JSON.stringify(steps, null, 2));
  }

  function candidates(name: string): string[] {
    const out: string[] = [];
    const repoFile = path.join(ROOT, 'seeds/kb', name);
    if (fs.existsSync(repoFile)) out.push(repoFile);
    for (const d of fs.existsSync(server.extDir) ? fs.readdirSync(server.extDir) : []) {
      const f = path.join(server.extDir, d, 'seeds/kb', name);
      if (fs.existsSync(f)) out.push(f);
    }
    return out;
  }
}

function summarizeUi(steps: StepResult[]): number {
  const failed = steps.filter((s) => !s.ok);
  console.log(`\n── UI phase ──`);
  for (const s of steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.step} (${s.ms} ms)${s.ok ? '' : `\n      ${s.detail}`}`);
  console.log(`  ${steps.length - failed.length} passing, ${failed.length} failing; screenshots in ${OUT}\n`);
  printStartup();
  return failed.length === 0 && steps.length > 0 ? 0 : 1;
}

/** Screen box of the first visible occurrence of `word` in the active editor's text. */
async function wordBox(page: Page, word: string): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  // A string, because tsconfig has no DOM lib; runs in the page.
  const fn = `(w) => {
    const lines = Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line'))
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    const re = new RegExp('\\\\b' + w + '\\\\b');
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const m = re.exec(n.textContent || '');
        if (!m) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + w.length);
        const b = r.getBoundingClientRect();
        if (b.width > 0) return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
    }
    return undefined;
  }`;
  return page.evaluate(`(${fn})(${JSON.stringify(word)})`) as Promise<{ x: number; y: number; width: number; height: number } | undefined>;
}

/** Runs a command through the Command Palette (F1), like a person would. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
}

// ---------------------------------------------------------------------------------------------- main
async function main(): Promise<number> {
  fs.mkdirSync(OUT, { recursive: true });
  fs.rmSync(STARTUP, { force: true });
  for (const f of fs.readdirSync(OUT)) if (/^(cis-lens-output|exthost)-\d+\.log$/.test(f)) fs.rmSync(path.join(OUT, f));
  const missing: string[] = [];
  if (!fs.existsSync(ENTRY)) missing.push(`code-server (${ENTRY}): run \`bash scripts/install-code-server.sh\``);
  if (!DEV_PATH && !fs.existsSync(VSIX)) missing.push(`${VSIX}: run \`npm run package\``);
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM}): apt-get install chromium`);
  if (PHASES.includes('suite') && !fs.existsSync(path.join(SUITE_DIR, 'index.js'))) missing.push(`${SUITE_DIR}/index.js: run \`npm run compile\``);
  if (missing.length) {
    for (const m of missing) console.error(`[e2e:code-server] missing ${m}`);
    return 2;
  }

  const server = new CodeServer();
  const cleanup = (): void => server.killNow();
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      cleanup();
      process.exit(130);
    });
  }
  const codes: Record<string, number> = {};
  try {
    if (DEV_PATH) log(`development extension ${DEV_PATH} (no .vsix install)`);
    else server.installVsix();
    const url = await server.start({ E2E_RESULTS: RESULTS, E2E_SHOTS: SHOTS });
    log(`code-server ${url} (pid/pgid ${server.proc?.pid}), workspace ${WORKSPACE}`);
    if (PHASES.includes('suite')) codes.suite = await runSuite(server);
    if (PHASES.includes('ui')) codes.ui = await runUi(server);
  } catch (e) {
    console.error(`[e2e:code-server] ${(e as Error)?.stack ?? e}`);
    codes.setup = 1;
  } finally {
    const outputLog = collectOutputLogs(server);
    if (outputLog && Object.values(codes).some((c) => c !== 0)) {
      const tail = fs.readFileSync(outputLog, 'utf8').split('\n').slice(0, 40).join('\n      ');
      console.log(`\n── "CIS Lens" output channel (${outputLog}), first lines ──\n      ${tail}\n`);
    }
    await server.stop();
  }
  const worst = Object.values(codes).find((c) => c !== 0) ?? 0;
  log(`done: ${Object.entries(codes).map(([k, v]) => `${k}=${v}`).join(' ')} → exit ${worst}`);
  return worst;
}

main().then((c) => process.exit(c), (e) => {
  console.error(e);
  process.exit(1);
});
