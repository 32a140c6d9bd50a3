/**
 * Which kind classifier (kindModel.ts) analysis uses. The shipped weights (`data/kind-model.json`, trained on
 * wikigold, GUM and re3d) are ON by default: on the CIS news dev set they typed 2 names right and none wrong,
 * and across corpora (trained without the corpus scored) F1 rose by 0.004–0.006 with precision 0.1 point lower
 * on GUM news and 1.2 lower on wikigold. They are required on first use rather than imported, so their arrays
 * are built only when a document first has an untyped name. `useKindModel(null)` turns the classifier off; the
 * CLI does so for `CIS_LENS_KIND_MODEL=off` and loads other weights for `=<weights.json>` (the evaluation's
 * held-out models), see cli/nameModelOverride.ts; the core itself reads no environment.
 */
import type shippedWeights from '../data/kind-model.json';
import { KindModel, type KindModelFile } from './kindModel';

let choice: KindModelFile | 'builtin' | null = 'builtin';
let loaded: KindModel | null | undefined;

/** The classifier analysis uses, or null when it is off. */
export function activeKindModel(): KindModel | null {
  if (loaded !== undefined) return loaded;
  if (choice === null) return (loaded = null);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const file = choice === 'builtin' ? ((require('../data/kind-model.json') as typeof shippedWeights) as unknown as KindModelFile) : choice;
  return (loaded = new KindModel(file));
}

/** Turns the classifier on ('builtin': the shipped weights; or another weights file) or off (null). */
export function useKindModel(file: KindModelFile | 'builtin' | null): void {
  choice = file;
  loaded = undefined;
}
