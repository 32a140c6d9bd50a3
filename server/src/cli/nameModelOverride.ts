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
  applyModelOverride<KindModelFile>('CIS_LENS_KIND_MODEL', env.CIS_LENS_KIND_MODEL, useKindModel);
  applyModelOverride<ModelFile>('CIS_LENS_NAME_MODEL', env.CIS_LENS_NAME_MODEL, useNameModel);
}

/** One model's variable: unset keeps the default, `off` and `on` switch the shipped weights, anything else is a weights file. */
function applyModelOverride<File>(variable: string, value: string | undefined, use: (choice: File | 'builtin' | null) => void): void {
  if (!value) return;
  if (value === 'off') return use(null);
  if (value === 'on') return use('builtin');
  try {
    use(JSON.parse(fs.readFileSync(value, 'utf8')) as File);
  } catch (e) {
    process.stderr.write(`cis-lens: error: ${variable}=${value}: ${(e as Error).message}\n`);
    process.exit(2);
  }
}
