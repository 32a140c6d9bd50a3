/** KB JSON helpers shared by the in-editor suite and the Node-side drivers (no `vscode` import here). */
import * as fs from 'fs';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';

/**
 * 0-based line of the `"id"` property of the KB entity whose `name` (or `id`) is `name`,
 * searching every object in a KB JSON file (any nesting); undefined when absent or unparsable.
 */
export function kbIdLine(file: string, name: string): number | undefined {
  const text = fs.readFileSync(file, 'utf8');
  const root = parseTree(text);
  if (!root) return undefined;
  let found: JsonNode | undefined;
  const visit = (n: JsonNode): void => {
    if (found) return;
    if (n.type === 'object') {
      const nm = findNodeAtLocation(n, ['name']);
      const id = findNodeAtLocation(n, ['id']);
      if (id && (nm?.value === name || id.value === name)) {
        found = id.parent; // the `"id": "…"` property node
        return;
      }
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(root);
  return found ? text.slice(0, found.offset).split('\n').length - 1 : undefined;
}
