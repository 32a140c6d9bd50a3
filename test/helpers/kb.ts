/** The built-in knowledge base, loaded once for all tests. */
import * as path from 'node:path';
import { listKbFiles, loadKnowledgeBase, type LoadedKb } from '../../server/src/kbLoader';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
let cached: LoadedKb | undefined;

export function builtInKb(): LoadedKb {
  cached ??= loadKnowledgeBase(listKbFiles(path.join(repoRoot, 'seeds', 'kb')));
  return cached;
}
