/**
 * `CIS_LENS_KIND_MODEL=off` runs the CLI without the kind classifier (core/analysis/kindModel.ts; on by
 * default, see learnedKinds.ts), `=<weights.json>` with other weights (held-out models for honest figures).
 *
 * `CIS_LENS_NAME_MODEL=<weights.json>` runs the CLI with another name model (the held-out models that
 * `npm run eval:ner -- --cross|--folds K` scores with); `on` runs the shipped model; `off` or unset, the rules alone
 * (the default: see core/analysis/learnedNames.ts for why).
 */
import * as fs from 'node:fs';
import { useNameModel } from '../core/analysis/learnedNames';
import { useKindModel } from '../core/analysis/learnedKinds';
import type { KindModelFile } from '../core/analysis/kindModel';
import type { ModelFile } from '../core/analysis/nameModel';

export function applyNameModelOverride(env: NodeJS.ProcessEnv = process.env): void {
  applyKindModelOverride(env.CIS_LENS_KIND_MODEL);
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

function applyKindModelOverride(value: string | undefined): void {
  if (!value) return;
  if (value === 'off') { useKindModel(null); return; }
  if (value === 'on') { useKindModel('builtin'); return; }
  try {
    useKindModel(JSON.parse(fs.readFileSync(value, 'utf8')) as KindModelFile);
  } catch (e) {
    process.stderr.write(`cis-lens: error: CIS_LENS_KIND_MODEL=${value}: ${(e as Error).message}\n`);
    process.exit(2);
  }
}
