#!/usr/bin/env node
/**
 * Fills the git-ignored cache `.cache/kb-inputs/` with the pinned repository inputs of `npm run kb:build`
 * (see inputs.mjs). It copies each file at the pinned commit out of local git copies of the repositories:
 *
 *   npm run kb:fetch -- --git-dir <clone> [--git-dir <clone> ...]
 *
 * Each --git-dir is a clone or mirror of one pinned repository (dr5hn/countries-states-cities-database, or
 * one of the every-politician-scrapers repositories listed in inputs.mjs); the script finds which by the
 * pinned commit it contains. Get a copy once with `git clone https://github.com/<repo>`. It never downloads.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CSC, OFFICEHOLDERS, repoCachePath } from './inputs.mjs';

const pinned = [
  { repo: CSC.repo, commit: CSC.commit, files: CSC.files },
  ...Object.values(OFFICEHOLDERS.states).map((s) => ({ repo: s.repo, commit: s.commit, files: s.files })),
];

const gitDirs = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--git-dir' ? [arg] : []));
if (process.env.KB_CSC_GIT_DIR) gitDirs.push(process.env.KB_CSC_GIT_DIR);
if (!gitDirs.length) {
  console.error('usage: npm run kb:fetch -- --git-dir <clone> [--git-dir <clone> ...]; the pinned repositories are:');
  for (const p of pinned) console.error(`  ${p.repo} at ${p.commit}`);
  process.exit(2);
}

const hasCommit = (gitDir, commit) => {
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

let copied = 0;
for (const gitDir of gitDirs) {
  const inputs = pinned.filter((p) => hasCommit(gitDir, p.commit));
  if (!inputs.length) {
    console.error(`${gitDir} contains none of the pinned commits`);
    process.exitCode = 1;
    continue;
  }
  for (const { repo, commit, files } of inputs) {
    for (const file of files) {
      const out = repoCachePath(repo, commit, file);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${file}`], { maxBuffer: 1 << 28 }));
      copied++;
    }
    console.log(`${repo}@${commit.slice(0, 7)}: ${files.length} files -> ${path.relative(process.cwd(), path.dirname(repoCachePath(repo, commit, files[0])))}`);
  }
}
const missing = pinned.filter((p) => !p.files.every((f) => fs.existsSync(repoCachePath(p.repo, p.commit, f))));
for (const p of missing) console.error(`still missing: ${p.repo} at ${p.commit}`);
console.log(`${copied} files copied; ${pinned.length - missing.length} of ${pinned.length} pinned repositories cached`);
