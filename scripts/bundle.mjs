// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
// Entry points that do not exist yet are skipped with a warning, so the script works while
// parts of the project are still being written.
//
//   node scripts/bundle.mjs            one build, with linked source maps (dist/*.js.map) for debugging
//   node scripts/bundle.mjs --watch    rebuild on change
//   node scripts/bundle.mjs --release  no source maps, and none left over: what `npm run package` ships
//                                      (a bundle must not name a .map file the package leaves out)
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const release = process.argv.includes('--release');

/** One bundle per entry: source (relative to the repo root) → output file, plus extra externals. */
const entries = [
  { source: 'client/src/extension.ts', outfile: 'dist/extension.js', external: ['vscode'] },
  { source: 'server/src/main.ts', outfile: 'dist/server.js', external: [] },
  // The server's analysis worker thread (long documents); dist/server.js starts it from beside itself.
  { source: 'server/src/analysisWorker.ts', outfile: 'dist/analysisWorker.js', external: [] },
  { source: 'server/src/cli/main.ts', outfile: 'dist/cli.js', external: [] },
];

/**
 * The core's data files (server/src/core/data/*.json: the gazetteer, the name lists, the model weights) stay
 * JSON files beside the bundles (dist/data/), read by `require` when the code first asks for them, instead of
 * being inlined as object literals. V8 keeps a script's whole source for as long as the script lives (to compile
 * its functions lazily), so inlined, the 3.7 MB of data was held twice for the life of the server: once as
 * objects and once as source text, and the text as two bytes per character, because a few regex literals make
 * the bundle non-ASCII (dist/server.js: 4.6 MB of source, 8.8 MB of heap). Required, the file's text is
 * garbage once parsed.
 */
const DATA_DIR = join(root, 'server', 'src', 'core', 'data');
/** @type {import('esbuild').Plugin} */
const dataBesideBundle = {
  name: 'data-beside-bundle',
  setup(build) {
    build.onResolve({ filter: /[\\/]data[\\/][^\\/]+\.json$/ }, (args) => {
      const file = join(args.resolveDir, args.path);
      if (dirname(file) !== DATA_DIR) return undefined;
      return { path: `./data/${relative(DATA_DIR, file)}`, external: true };
    });
  },
};

/** Copies the data files the bundles require (see `dataBesideBundle`) to dist/data/. */
function copyData() {
  const target = join(root, 'dist', 'data');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(DATA_DIR)) if (name.endsWith('.json')) copyFileSync(join(DATA_DIR, name), join(target, name));
}

/** @param {typeof entries[number]} entry @returns {import('esbuild').BuildOptions} */
function optionsFor(entry) {
  return {
    absWorkingDir: root,
    entryPoints: [join(root, entry.source)],
    outfile: join(root, entry.outfile),
    bundle: true,
    platform: 'node',
    // jsonc-parser's UMD build requires its own files at run time; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node18',
    sourcemap: release ? false : 'linked',
    minify: false,
    external: entry.external,
    loader: { '.json': 'json' }, // other JSON imported by code (package.json, schemas) is inlined
    plugins: [dataBesideBundle],
    logLevel: 'warning',
  };
}

async function main() {
  const present = entries.filter((entry) => {
    if (existsSync(join(root, entry.source))) return true;
    console.warn(`bundle: skipping ${entry.source} (file not found)`);
    return false;
  });
  if (present.length === 0) {
    console.error('bundle: no entry points found');
    process.exitCode = 1;
    return;
  }
  copyData();
  if (watch) {
    for (const entry of present) {
      const context = await esbuild.context(optionsFor(entry));
      await context.watch();
    }
    console.log(`bundle: watching ${present.length} entr${present.length === 1 ? 'y' : 'ies'}`);
    return;
  }
  const started = Date.now();
  if (release) for (const entry of present) rmSync(join(root, `${entry.outfile}.map`), { force: true });
  const results = await Promise.allSettled(present.map((entry) => esbuild.build(optionsFor(entry))));
  let failed = 0;
  results.forEach((result, i) => {
    const { source, outfile } = present[i];
    if (result.status === 'fulfilled') {
      console.log(`bundle: ${source} -> ${relative(root, join(root, outfile))}`);
    } else {
      failed++;
      // esbuild has already printed the diagnostics; add which entry they belong to.
      console.error(`bundle: FAILED ${source}`);
    }
  });
  console.log(`bundle: done in ${Date.now() - started} ms${failed ? `, ${failed} failed` : ''}`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
