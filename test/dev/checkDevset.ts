/**
 * Validates the dev-set markup and prints a summary per file. Run without building the project:
 *   npx esbuild test/dev/checkDevset.ts --bundle --platform=node --log-level=warning | node - [dir]
 */
import * as path from 'node:path';
import { loadDevSet } from './devset';

const dir = process.argv[2] ?? path.join('test', 'fixtures', 'dev');
let failed = false;
try {
  const articles = loadDevSet(dir);
  let words = 0;
  for (const a of articles) {
    const count = a.text.split(/\s+/).filter(Boolean).length;
    words += count;
    const missing = ['source', 'outlet', 'date'].filter((k) => !a.header[k]);
    if (missing.length) { failed = true; console.log(`${a.file}: missing header ${missing.join(', ')}`); }
    const kinds: Record<string, number> = {};
    for (const e of a.entities) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    console.log(`${a.file}: ${count} words, ${a.entities.length} entities ${JSON.stringify(kinds)}, ${a.quotes.length} quotes (${a.quotes.filter((q) => !q.speaker).length} without speaker), ${a.notQuotes.length} not-quotes; ${a.header.outlet} ${a.header.date}`);
  }
  console.log(`${articles.length} articles, ${words} words`);
} catch (error) {
  failed = true;
  console.log(String(error instanceof Error ? error.message : error));
}
process.exit(failed ? 1 : 0);
