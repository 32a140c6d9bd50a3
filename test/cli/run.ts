/** Runs the bundled CLI (dist/cli.js) as a user would, and small helpers the CLI tests share. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/kb';

export const cliJs = path.join(repoRoot, 'dist', 'cli.js');
export const seedsDir = path.join(repoRoot, 'seeds', 'articles');
export const seedNames = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Fails with a clear message when the bundle has not been built. */
export function requireBundle(): void {
  if (!fs.existsSync(cliJs)) throw new Error(`${path.relative(repoRoot, cliJs)} is missing: run \`npm run build\` before the CLI tests.`);
}

/** `node dist/cli.js …args` in `cwd` (the repo root by default), without a terminal and without NO_COLOR. */
export function cli(args: readonly string[], cwd: string = repoRoot): CliResult {
  const env = { ...process.env };
  delete env.NO_COLOR;
  // The timeout turns a hang (a FIFO read, say) into a failed test instead of a stuck run.
  const r = spawnSync(process.execPath, [cliJs, ...args], { cwd, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by `cleanTemp`. */
export function tempDir(prefix = 'cis-lens-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function cleanTemp(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export function seedPath(name: string): string {
  return path.join('seeds', 'articles', name);
}

export function seedText(name: string): string {
  return fs.readFileSync(path.join(seedsDir, name), 'utf8');
}

/** 1-based line and UTF-16 column of `offset` (lines end at \n, \r\n, \r), computed independently of the CLI. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - (lastBreak + 1) + 1 };
}

/** A damaged annotation file (bad JSON) next to `article`; returns its path and exact bytes. */
export function writeCorruptAnnotations(article: string): { file: string; bytes: Buffer } {
  const file = `${article}.annotations.json`;
  const bytes = Buffer.from('{ "type": "AnnotationCollection", "first": { "items": [ {"id": "x", \n  oops this is not JSON\n', 'utf8');
  fs.writeFileSync(file, bytes);
  return { file, bytes };
}
