#!/usr/bin/env node
/**
 * Fills the git-ignored cache `.cache/kb-inputs/` with the pinned repository inputs of `npm run kb:build`
 * (see inputs.mjs). It copies each file at the pinned commit out of a local git copy of the repository:
 *
 *   npm run kb:fetch -- --git-dir <path to a clone or mirror of dr5hn/countries-states-cities-database>
 *
 * Get such a copy once with `git clone https://github.com/dr5hn/countries-states-cities-database` (any
 * clone that contains the pinned commit). The script checks that the commit is there and never downloads.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CSC, cachePath } from './inputs.mjs';

const at = process.argv.indexOf('--git-dir');
const gitDir = at > 0 ? process.argv[at + 1] : process.env.KB_CSC_GIT_DIR;
if (!gitDir) {
  console.error(`usage: npm run kb:fetch -- --git-dir <clone of ${CSC.repo} containing commit ${CSC.commit}>`);
  process.exit(2);
}
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 28 });
try {
  git('cat-file', '-e', `${CSC.commit}^{commit}`);
} catch {
  console.error(`${gitDir} does not contain commit ${CSC.commit} of ${CSC.repo}`);
  process.exit(1);
}
for (const file of CSC.files) {
  const out = cachePath(file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, git('show', `${CSC.commit}:${file}`));
  console.log(`${file} -> ${path.relative(process.cwd(), out)}`);
}
