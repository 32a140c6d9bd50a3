/**
 * Scores the analysis of each seed article against its hand-made gold annotations and prints the
 * figures. Entities: exact span and kind (name mentions; titles are scored separately). Quotes:
 * overlap ≥ 50%. Attribution: speaker name on matched quotes not marked `hard`. Diagnostics:
 * expected ones present (same code, overlapping range), forbidden ones absent.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../server/src/core/config';
import type { ArticleModel, Span } from '../../server/src/core/types';
import { builtInKb, repoRoot } from '../helpers/kb';

interface GoldFile {
  file: string;
  entities: { start: number; end: number; text: string; kind: string; name: string }[];
  titleMentions: { start: number; end: number; text: string; name: string }[];
  quotes: { start: number; end: number; speaker: string | null; kind: string; hard: boolean }[];
  diagnostics: { expect: { code: string; start: number; end: number }[]; forbid: { code: string; start: number; end: number }[] };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const overlapRatio = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / Math.max(a.end - a.start, b.end - b.start);
const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));

export interface GoldScore {
  entity: { tp: number; fp: number; fn: number; misses: string[] };
  quote: { tp: number; fp: number; fn: number; misses: string[] };
  attribution: { right: number; total: number; misses: string[] };
  titles: { right: number; total: number };
  expected: { found: number; total: number; misses: string[] };
  forbidden: string[];
}

export function scoreArticle(gold: GoldFile, model: ArticleModel, score: GoldScore): void {
  const named = model.entities.filter((e) => e.via === 'name' || e.via === 'alias');
  const key = (e: { start: number; end: number; kind: string }) => `${e.start}:${e.end}:${e.kind}`;
  const goldKeys = new Set(gold.entities.map(key));
  const ourKeys = new Set(named.map(key));
  for (const k of ourKeys) if (goldKeys.has(k)) score.entity.tp++; else { score.entity.fp++; score.entity.misses.push(`${gold.file} FP ${k} ${model.text.slice(+k.split(':')[0], +k.split(':')[1])}`); }
  for (const g of gold.entities) if (!ourKeys.has(key(g))) { score.entity.fn++; score.entity.misses.push(`${gold.file} FN ${key(g)} ${g.text}`); }

  const matched = new Set<number>();
  for (const g of gold.quotes) {
    const ours = model.quotes.findIndex((q, i) => !matched.has(i) && overlapRatio(q, g) >= 0.5);
    if (ours < 0) { score.quote.fn++; score.quote.misses.push(`${gold.file} FN quote ${g.start}-${g.end}`); continue; }
    matched.add(ours);
    score.quote.tp++;
    if (!g.hard) {
      score.attribution.total++;
      const name = model.quotes[ours].speaker?.name ?? null;
      if (name === g.speaker) score.attribution.right++;
      else score.attribution.misses.push(`${gold.file} quote ${g.start}: want ${g.speaker}, got ${name}`);
    }
  }
  model.quotes.forEach((q, i) => { if (!matched.has(i)) { score.quote.fp++; score.quote.misses.push(`${gold.file} FP quote ${q.start}-${q.end} ${q.text.slice(0, 30)}`); } });

  for (const t of gold.titleMentions) {
    score.titles.total++;
    if (model.entities.some((e) => e.via === 'title' && overlaps(e, t) && e.name === t.name)) score.titles.right++;
  }
  for (const d of gold.diagnostics.expect) {
    score.expected.total++;
    if (model.diagnostics.some((f) => f.code === d.code && overlaps(f, d))) score.expected.found++;
    else score.expected.misses.push(`${gold.file} missing ${d.code} at ${d.start}-${d.end}`);
  }
  for (const d of gold.diagnostics.forbid) {
    const hit = model.diagnostics.find((f) => f.code === d.code && overlaps(f, d));
    if (hit) score.forbidden.push(`${gold.file} forbidden ${d.code} at ${d.start}-${d.end}: ${hit.message}`);
  }
}

suite('Gold set (seed articles)', () => {
  test('entity F1, quote F1, attribution accuracy and diagnostics meet the bar', () => {
    const { kb } = builtInKb();
    const goldDir = path.join(repoRoot, 'test', 'fixtures', 'gold');
    const score: GoldScore = {
      entity: { tp: 0, fp: 0, fn: 0, misses: [] }, quote: { tp: 0, fp: 0, fn: 0, misses: [] },
      attribution: { right: 0, total: 0, misses: [] }, titles: { right: 0, total: 0 },
      expected: { found: 0, total: 0, misses: [] }, forbidden: [],
    };
    for (const file of fs.readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort()) {
      const gold = JSON.parse(fs.readFileSync(path.join(goldDir, file), 'utf8')) as GoldFile;
      const text = fs.readFileSync(path.join(repoRoot, 'seeds', 'articles', gold.file), 'utf8');
      scoreArticle(gold, analyzeArticle(text, kb, resolveConfig()), score);
    }
    const entityF1 = f1(score.entity.tp, score.entity.fp, score.entity.fn);
    const quoteF1 = f1(score.quote.tp, score.quote.fp, score.quote.fn);
    const attribution = score.attribution.right / score.attribution.total;
    const recall = score.expected.found / score.expected.total;
    console.log(`      gold: entity F1 ${entityF1.toFixed(3)} (tp ${score.entity.tp}, fp ${score.entity.fp}, fn ${score.entity.fn}); ` +
      `quote F1 ${quoteF1.toFixed(3)}; attribution ${attribution.toFixed(3)} (${score.attribution.right}/${score.attribution.total}); ` +
      `titles ${score.titles.right}/${score.titles.total}; expected-diagnostic recall ${recall.toFixed(3)} (${score.expected.found}/${score.expected.total}); forbidden ${score.forbidden.length}`);
    for (const line of [...score.entity.misses, ...score.quote.misses, ...score.attribution.misses, ...score.expected.misses, ...score.forbidden]) console.log(`        ${line}`);
    assert.ok(entityF1 >= 0.95, `entity F1 ${entityF1}`);
    assert.ok(quoteF1 >= 0.95, `quote F1 ${quoteF1}`);
    assert.ok(attribution >= 0.95, `attribution ${attribution}`);
    assert.ok(recall >= 0.9, `expected-diagnostic recall ${recall}`);
    assert.equal(score.forbidden.length, 0, 'forbidden diagnostics');
  });
});
