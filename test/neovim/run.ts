/**
 * `npm run test:neovim`: the CIS Lens server in headless Neovim (0.7+, built-in LSP client).
 * Starts `nvim --headless -u NONE -c 'luafile test/neovim/check.lua' <seed>`; check.lua starts
 * `node dist/server.js --stdio`, waits for diagnostics, asks for hover on "Putin" and writes JSON.
 * Asserts: at least one diagnostic with source cis-lens and a code; the hover mentions "Vladimir Putin".
 * Also reports (without failing) which of the seed's gold diagnostics Neovim received.
 *
 * Env: NVIM (default nvim), CIS_LENS_SERVER (default dist/server.js), NVIM_FILETYPE, NVIM_TIMEOUT_MS.
 * Exit: 0 pass, 1 fail, 2 nvim or the server missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..'); // out/test/neovim → repo root
const SEED = process.env.E2E_FEATURE_SEED ?? '000_9e14f92e9c3a9cd6.txt';
const NVIM = process.env.NVIM ?? 'nvim';
const SERVER = path.resolve(ROOT, process.env.CIS_LENS_SERVER ?? 'dist/server.js');
const OUT = path.join(ROOT, 'test-results');
const RESULTS = path.join(OUT, 'neovim.json');
const TIMEOUT = Number(process.env.NVIM_TIMEOUT_MS ?? 30_000);

interface NvimDiagnostic { lnum: number; col: number; end_lnum?: number; source?: string; code?: string | null; message: string }
interface NvimResults {
  filetype: string;
  initialized?: boolean;
  got_diagnostics?: boolean;
  diagnostics: NvimDiagnostic[];
  hover?: string;
  definition?: unknown;
  symbols?: { name: string; children: string[] }[];
  error?: string;
  log: string[];
}

function main(): number {
  const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    console.error(`[neovim] ${NVIM} not found: apt-get install neovim`);
    return 2;
  }
  if (!fs.existsSync(SERVER)) {
    console.error(`[neovim] ${SERVER} missing: run \`npm run build\``);
    return 2;
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.rmSync(RESULTS, { force: true });
  const seedPath = path.join(ROOT, 'seeds/articles', SEED);
  const started = Date.now();
  const r = spawnSync(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '--cmd', 'filetype on', '-c', `luafile ${path.join(ROOT, 'test/neovim/check.lua')}`, seedPath], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT * 4 + 30_000,
    env: { ...process.env, CIS_LENS_SERVER: SERVER, NVIM_RESULTS: RESULTS, NVIM_TIMEOUT_MS: String(TIMEOUT) },
  });
  const ms = Date.now() - started;
  console.log(`[neovim] ${version.stdout.split('\n')[0]}: exit ${r.status ?? r.signal} in ${ms} ms`);
  if (!fs.existsSync(RESULTS)) {
    console.error(`[neovim] FAIL: check.lua wrote no ${RESULTS}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`);
    return 1;
  }
  const res = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as NvimResults;
  const failures: string[] = [];
  if (res.error) failures.push(`check.lua: ${res.error}`);
  const ours = res.diagnostics.filter((d) => d.source === 'cis-lens' && d.code);
  if (ours.length === 0) {
    failures.push(`no diagnostic with source "cis-lens" and a code (buffer filetype "${res.filetype}", initialized=${res.initialized}, ` +
      `${res.diagnostics.length} diagnostic(s): ${JSON.stringify(res.diagnostics.slice(0, 3))})`);
  }
  if (!(res.hover ?? '').includes('Vladimir Putin')) failures.push(`hover on "Putin" does not mention "Vladimir Putin": ${JSON.stringify((res.hover ?? '').slice(0, 300))}`);

  // Informational: gold coverage in this client.
  const goldFile = path.join(ROOT, 'test/fixtures/gold', SEED.replace(/\.[^.]+$/, '') + '.gold.json');
  if (fs.existsSync(goldFile)) {
    const text = fs.readFileSync(seedPath, 'utf8');
    const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as { diagnostics: { expect: { code: string; start: number; text: string }[] } };
    for (const g of gold.diagnostics.expect) {
      const line = text.slice(0, g.start).split('\n').length - 1;
      const hit = ours.some((d) => d.code === g.code && d.lnum <= line && line <= (d.end_lnum ?? d.lnum));
      console.log(`[neovim]   gold ${hit ? '✓' : '·'} ${g.code} L${line + 1} "${g.text}"`);
    }
  }
  console.log(`[neovim] filetype=${res.filetype}; ${ours.length} cis-lens diagnostic(s): ${[...new Set(ours.map((d) => d.code))].join(', ') || 'none'}`);
  console.log(`[neovim] hover: ${JSON.stringify((res.hover ?? '').replace(/\s+/g, ' ').slice(0, 120))}`);
  if (res.symbols) console.log(`[neovim] symbols: ${res.symbols.map((s) => `${s.name}(${s.children.length})`).join(', ')}`);
  if (res.definition) console.log(`[neovim] definition: ${JSON.stringify(res.definition).slice(0, 200)}`);
  for (const l of res.log) console.log(`[neovim] log: ${l}`);
  if (failures.length) {
    for (const f of failures) console.error(`[neovim] FAIL: ${f}`);
    return 1;
  }
  console.log('[neovim] PASS');
  return 0;
}

process.exit(main());
