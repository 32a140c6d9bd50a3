/** Finds user knowledge-base files (`*.cis.json`, `.cis/*.json`) in the workspace folders. IO lives here. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'out', 'dist', '.cache', '.vscode-test']);
const MAX_DEPTH = 6;
const MAX_FILES = 20_000;

export function isUserKbFile(file: string): boolean {
  return file.endsWith('.cis.json') || (path.basename(path.dirname(file)) === '.cis' && file.endsWith('.json'));
}

export function findUserKbFiles(roots: readonly string[]): string[] {
  const found: string[] = [];
  let visited = 0;
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || visited > MAX_FILES) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      visited++;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && (entry.name === '.cis' || !entry.name.startsWith('.'))) walk(full, depth + 1);
      } else if (isUserKbFile(full)) found.push(full);
    }
  };
  for (const root of roots) walk(root, 0);
  return found.sort();
}
