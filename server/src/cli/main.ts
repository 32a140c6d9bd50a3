/** `cis-lens` command-line entry (bundled to dist/cli.js; bin/cis-lens.js requires it). */
import { isMainThread } from 'node:worker_threads';
import packageJson from '../../../package.json';
import { helpText, parseArgs, UsageError, type CliOptions } from './args';
import { runCheck } from './check';
import { runExport } from './export';
import { applyNameModelOverride } from './nameModelOverride';
import { runWorker } from './pool';
import type { Messages } from './session';

const version: string = packageJson.version;
const informationUri = (packageJson.repository?.url ?? 'https://example.invalid/cis-lens').replace(/^git\+/, '').replace(/\.git$/, '');

async function main(argv: readonly string[]): Promise<number> {
  const write = (chunk: string) => void process.stdout.write(chunk);
  const messages: Messages = {
    info: (m) => process.stderr.write(`cis-lens: ${m}\n`),
    warn: (m) => process.stderr.write(`cis-lens: warning: ${m}\n`),
    error: (m) => process.stderr.write(`cis-lens: error: ${m}\n`),
    // When stdout is the terminal too, the report itself shows progress; a redrawn line would tangle with it.
    ...(process.stderr.isTTY && !process.stdout.isTTY ? { progress: terminalProgress() } : {}),
  };
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    messages.error(`${e.message}\nRun "cis-lens --help" for usage.`);
    return 2;
  }
  switch (options.command) {
    case 'help':
      write(helpText(version, options.topic));
      return 0;
    case 'version':
      write(`${version}\n`);
      return 0;
    case 'export':
      return runExport(options, write, messages);
    case 'check': {
      const color = !options.noColor && !!process.stdout.isTTY && !process.env.NO_COLOR;
      // This file is also what a worker thread runs (see pool.ts).
      return runCheck(options, { write, version, color, cwd: process.cwd(), informationUri, pretty: options.pretty }, messages, __filename);
    }
  }
}

/**
 * A one-line "checked 120 of 3,118 files" on stderr, redrawn at most five times a second and erased when
 * done, so a long batch shows it is alive without mixing into stdout's report.
 */
function terminalProgress(): (done: number, total: number) => void {
  const MIN_FILES = 20;
  const INTERVAL_MS = 200;
  let lastDrawn = 0;
  let shown = false;
  return (done, total) => {
    if (total < MIN_FILES) return;
    if (done >= total) {
      if (shown) process.stderr.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    if (now - lastDrawn < INTERVAL_MS) return;
    lastDrawn = now;
    shown = true;
    process.stderr.write(`\rcis-lens: checked ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files…\x1b[K`);
  };
}

function runMain(): void {
  // Output to a closed pipe (`cis-lens check … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (e: unknown) => {
      process.stderr.write(`cis-lens: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 3;
    },
  );
}

// In the main thread and in every --jobs worker (each runs this file again).
applyNameModelOverride();
if (isMainThread) runMain();
else runWorker();
