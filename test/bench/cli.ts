/**
 * `npm run bench -- --only cli`: the CLI as a user runs it, whole process (start, knowledge base, reading,
 * analysis, writing the report to a file), on a corpus written to a temporary folder as separate articles.
 *   - start cost: `--version` (loading the bundle) and `check` of one short seed (bundle + knowledge base + one article);
 *   - MB/s over the corpus for `--format json` on one thread, with the default worker pool, and `--pretty`;
 *     the text report; and, with `--cli-before <path to an older dist/cli.js>`, that build's json run interleaved
 *     with the others (each configuration runs once per round, rounds repeated, so all see the same spells).
 * Each figure is the median of the rounds with the range beside it, as wall time and as CPU time of the whole
 * process (all threads). Measures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../helpers/kb';

interface Row {
  readonly measure: string;
  readonly value: string;
}

interface Config {
  readonly label: string;
  readonly cli: string;
  readonly args: readonly string[];
}

const ROUNDS = 3;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/**
 * Preloaded into the CLI process: at exit, the main thread writes the CPU time of the whole process (all threads)
 * to fd 3. On a shared machine CPU time is steadier than wall time, and it shows what worker threads cost.
 */
const CPU_HOOK = `const { isMainThread } = require('node:worker_threads');
if (isMainThread) process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(3, String((u.user + u.system) / 1e6)); });`;

/** One CLI process, its report written to `outFile`: wall and CPU seconds, and the report's size. */
function timeRun(cli: string, args: readonly string[], outFile: string, hook: string): { seconds: number; cpu: number; bytes: number } {
  const out = fs.openSync(outFile, 'w');
  try {
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--require', hook, cli, ...args], { cwd: repoRoot, stdio: ['ignore', out, 'pipe', 'pipe'], encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${path.basename(cli)} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { seconds, cpu: Number(r.output[3]), bytes: fs.fstatSync(out).size };
  } finally {
    fs.closeSync(out);
  }
}

const spread = (values: readonly number[], digits: number) => `${fmt(median(values), digits)} (${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})`;

export function benchCli(articles: readonly string[], before?: string): Row[] {
  const cliJs = path.join(repoRoot, 'dist', 'cli.js');
  if (!fs.existsSync(cliJs)) {
    log('dist/cli.js is missing: run `npm run build` (CLI rows skipped)');
    return [];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-bench-cli-'));
  try {
    const corpusDir = path.join(dir, 'corpus');
    fs.mkdirSync(corpusDir);
    let bytes = 0;
    articles.forEach((text, i) => {
      fs.writeFileSync(path.join(corpusDir, `${String(i).padStart(5, '0')}.txt`), text);
      bytes += Buffer.byteLength(text, 'utf8');
    });
    const mbytes = bytes / 1e6;
    const out = path.join(dir, 'report');
    const hook = path.join(dir, 'cpu-hook.js');
    fs.writeFileSync(hook, CPU_HOOK);
    const seed = path.join('seeds', 'articles', fs.readdirSync(path.join(repoRoot, 'seeds', 'articles')).filter((f) => f.endsWith('.txt')).sort()[0]!);
    const threads = os.availableParallelism();

    const starts: Config[] = [
      { label: 'CLI start: `--version` (load the bundle)', cli: cliJs, args: ['--version'] },
      { label: 'CLI start: `check` of one seed article (bundle, knowledge base, one article)', cli: cliJs, args: ['check', '--format', 'json', seed] },
    ];
    const batch: Config[] = [
      ...(before ? [{ label: `before (${path.relative(repoRoot, before) || before}): \`check --format json\` (pretty, one thread)`, cli: before, args: ['check', '--format', 'json', corpusDir] }] : []),
      { label: '`check --format json --jobs 1` (compact, one thread)', cli: cliJs, args: ['check', '--format', 'json', '--jobs', '1', corpusDir] },
      { label: '`check --format json --pretty --jobs 1`', cli: cliJs, args: ['check', '--format', 'json', '--pretty', '--jobs', '1', corpusDir] },
      { label: `\`check --format json\` (default: ${threads} worker threads)`, cli: cliJs, args: ['check', '--format', 'json', corpusDir] },
    ];
    const times = new Map<Config, number[]>();
    const cpus = new Map<Config, number[]>();
    const sizes = new Map<Config, number>();
    for (let round = 1; round <= ROUNDS; round++) {
      log(`cli: round ${round} of ${ROUNDS} (${articles.length} articles, ${fmt(mbytes)} MB)`);
      for (const config of [...starts, ...batch]) {
        const { seconds, cpu, bytes: written } = timeRun(config.cli, config.args, out, hook);
        times.set(config, [...(times.get(config) ?? []), seconds]);
        cpus.set(config, [...(cpus.get(config) ?? []), cpu]);
        sizes.set(config, written);
      }
    }
    const rows: Row[] = starts.map((c) => ({ measure: c.label, value: `${spread(times.get(c)!.map((s) => s * 1000), 0)} ms wall, ${spread(cpus.get(c)!.map((s) => s * 1000), 0)} ms CPU; median (range) of ${ROUNDS}` }));
    for (const c of batch) {
      const seconds = times.get(c)!;
      rows.push({
        measure: `CLI whole process, ${fmt(mbytes)} MB as ${articles.length.toLocaleString('en-US')} files: ${c.label}`,
        value: `${spread(seconds.map((s) => mbytes / s), 2)} MB/s wall (${fmt(median(seconds), 2)} s); ${spread(cpus.get(c)!.map((s) => mbytes / s), 2)} MB per CPU second (${fmt(median(cpus.get(c)!), 2)} s); median (range) of ${ROUNDS}; report ${fmt(sizes.get(c)! / 1e6)} MB`,
      });
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
