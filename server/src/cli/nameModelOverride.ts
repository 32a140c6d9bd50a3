/**
 * `CIS_LENS_NAME_MODEL=<weights.json>` runs the CLI with another name model (the held-out models that
 * `npm run eval:ner -- --cross|--folds K` scores with); `on` runs the shipped model; `off` or unset, the rules alone
 * (the default: see core/analysis/learnedNames.ts for why).
 */
import * as fs from 'node:fs';
import { useNameModel } from '../core/analysis/learnedNames';
import type { ModelFile } from '../core/analysis/nameModel';

export function applyNameModelOverride(env: NodeJS.ProcessEnv = process.env): void {
  const value = env.CIS_LENS_NAME_MODEL;
  if (!value) return;
  if (value === 'off') { useNameModel(null); return; }
  if (value === 'on') { useNameModel('builtin'); return; }
  try {
    useNameModel(JSON.parse(fs.readFileSync(value, 'utf8')) as ModelFile);
  } catch (e) {
    process.stderr.write(`cis-lens: error: CIS_LENS_NAME_MODEL=${value}: ${(e as Error).message}\n`);
    process.exit(2);
  }
}
