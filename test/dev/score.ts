/**
 * Scores an ArticleModel against a dev-set article (see test/fixtures/dev/README.md). Entities: exact span,
 * kind strict (country ≠ place) and coarse (country = place, as person/place/organization corpora count).
 * Quotes: overlap ≥ 50%. Speakers: a gold speaker matches ours when the names agree after normalising
 * (case, leading article, possessive) or share their last word (a surname, "Ministry"); "" wants no speaker.
 */
import type { ArticleModel, Span } from '../../server/src/core/types';
import type { DevArticle } from './devset';

export interface Counts { tp: number; fp: number; fn: number }
export interface DevScore {
  strict: Counts;
  coarse: Counts;
  byKind: Record<string, Counts>;
  quotes: Counts;
  speakers: { right: number; wrong: number; missing: number; total: number };
  falseAlarms: number;
  falseAlarmsOnNotQuotes: number;
  articles: number;
  log: string[];
}

export function emptyScore(): DevScore {
  return {
    strict: zero(), coarse: zero(), byKind: {}, quotes: zero(),
    speakers: { right: 0, wrong: 0, missing: 0, total: 0 }, falseAlarms: 0, falseAlarmsOnNotQuotes: 0, articles: 0, log: [],
  };
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const SCORED_VIAS = new Set(['name', 'alias', 'gazetteer', 'context', 'document', 'model']);
const SCORED_KINDS = new Set(['person', 'country', 'place', 'organization', 'event']);
const coarse = (kind: string) => (kind === 'country' ? 'place' : kind);
const overlapRatio = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / Math.max(a.end - a.start, b.end - b.start);
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function f1(c: Counts): number {
  return c.tp === 0 ? (c.fp + c.fn === 0 ? 1 : 0) : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
}

/** `namesOf` gives a knowledge-base entity's name and aliases, so a speaker spelled as the article spells it ("Bakiev") matches. */
export function scoreDevArticle(gold: DevArticle, model: ArticleModel, score: DevScore, namesOf: (id: string) => readonly string[] = () => []): void {
  score.articles++;
  const ours = model.entities.filter((e) => SCORED_VIAS.has(e.via) && SCORED_KINDS.has(e.kind));
  const at = (e: Span) => `${e.start}:${e.end}`;
  const goldBySpan = new Map(gold.entities.map((e) => [at(e), e]));
  const oursBySpan = new Map(ours.map((e) => [at(e), e]));
  const kindCounts = (kind: string) => (score.byKind[kind] ??= zero());
  for (const e of ours) {
    const g = goldBySpan.get(at(e));
    const strictOk = g?.kind === e.kind;
    const coarseOk = g !== undefined && coarse(g.kind) === coarse(e.kind);
    if (strictOk) score.strict.tp++; else score.strict.fp++;
    if (coarseOk) { score.coarse.tp++; kindCounts(coarse(e.kind)).tp++; } else {
      score.coarse.fp++;
      kindCounts(coarse(e.kind)).fp++;
      score.log.push(`${gold.file} FP ${e.kind}${g ? ` (gold ${g.kind})` : ''} "${e.text}" via ${e.via}`);
    }
  }
  for (const g of gold.entities) {
    const e = oursBySpan.get(at(g));
    if (e?.kind !== g.kind) score.strict.fn++;
    if (!e || coarse(e.kind) !== coarse(g.kind)) {
      score.coarse.fn++;
      kindCounts(coarse(g.kind)).fn++;
      if (!e) score.log.push(`${gold.file} FN ${g.kind} "${g.text}"${nearby(model, g)}`);
    }
  }

  const matched = new Set<number>();
  for (const g of gold.quotes) {
    const i = model.quotes.findIndex((q, k) => !matched.has(k) && overlapRatio(q, g) >= 0.5);
    if (i < 0) { score.quotes.fn++; score.log.push(`${gold.file} FN quote "${g.text.slice(0, 40)}"`); continue; }
    matched.add(i);
    score.quotes.tp++;
    score.speakers.total++;
    const q = model.quotes[i];
    // An uncertain speaker ("he", with two candidates) is no answer, not a wrong one.
    const name = q.speaker && !q.speaker.uncertain ? q.speaker.name : '';
    const spelled = q.speaker && !q.speaker.uncertain && q.speaker.how !== 'pronoun' ? model.text.slice(q.speaker.start, q.speaker.end) : '';
    const aliases = q.speaker?.id && !q.speaker.uncertain ? namesOf(q.speaker.id) : [];
    if (sameSpeaker(g.speaker, name) || (spelled && sameSpeaker(g.speaker, spelled)) || aliases.some((a) => sameSpeaker(g.speaker, a))) score.speakers.right++;
    else {
      if (name) score.speakers.wrong++; else score.speakers.missing++;
      score.log.push(`${gold.file} SPEAKER ${name ? 'WRONG' : 'MISSING'} want "${g.speaker}" got "${name}" (${q.speaker?.how ?? '-'}) for "${g.text.slice(0, 50)}"`);
    }
    if (g.speaker && model.diagnostics.some((d) => d.code === 'unattributed-quote' && overlaps(d, g))) score.falseAlarms++;
  }
  for (const x of gold.notQuotes) {
    if (!model.diagnostics.some((d) => d.code === 'unattributed-quote' && overlaps(d, x))) continue;
    score.falseAlarmsOnNotQuotes++;
    score.log.push(`${gold.file} ALARM on a non-quote "${x.text}"`);
  }
  model.quotes.forEach((q, k) => {
    if (matched.has(k) || q.kind === 'scare' || q.kind === 'heading') return;
    if (gold.notQuotes.some((x) => overlaps(x, q))) return;
    score.quotes.fp++;
    score.log.push(`${gold.file} FP quote "${q.text.slice(0, 40)}"`);
  });
}

function nearby(model: ArticleModel, g: Span): string {
  const other = model.entities.find((e) => overlaps(e, g));
  return other ? ` (ours: ${other.kind} "${other.text}" via ${other.via})` : '';
}

function normalName(name: string): string {
  return name.toLowerCase().replace(/[’']s\b/g, '').replace(/^(?:the|a|an|one)\s+/, '').replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

export function sameSpeaker(gold: string, ours: string): boolean {
  if (!gold || !ours) return !gold && !ours;
  const a = normalName(gold);
  const b = normalName(ours);
  if (a === b) return true;
  // Only names compare by their last word: two descriptions ("a Russian official", "a senior official") differ.
  if (!/^\p{Lu}/u.test(gold.replace(/^(?:the|a|an|one)\s+/i, '')) || !/^\p{Lu}/u.test(ours.replace(/^(?:the|a|an|one)\s+/i, ''))) return false;
  return a.split(' ').pop() === b.split(' ').pop();
}

export function summary(score: DevScore): string {
  const kinds = Object.entries(score.byKind).sort().map(([k, c]) => `${k} ${f1(c).toFixed(3)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`).join('; ');
  const s = score.speakers;
  const p = (n: number) => (s.total ? n / s.total : 1).toFixed(3);
  return [
    `dev set: ${score.articles} articles`,
    `entities: person/place/organization F1 ${f1(score.coarse).toFixed(3)} (tp ${score.coarse.tp} fp ${score.coarse.fp} fn ${score.coarse.fn}); strict kinds F1 ${f1(score.strict).toFixed(3)}`,
    `by kind: ${kinds}`,
    `quotes: F1 ${f1(score.quotes).toFixed(3)} (tp ${score.quotes.tp} fp ${score.quotes.fp} fn ${score.quotes.fn})`,
    `speakers: accuracy ${p(s.right)} (${s.right}/${s.total}); wrong ${p(s.wrong)} (${s.wrong}); missing ${s.missing}; false unattributed-quote alarms ${score.falseAlarms} (${(score.falseAlarms / Math.max(1, score.articles)).toFixed(2)} per article), on non-quotes ${score.falseAlarmsOnNotQuotes}`,
  ].join('\n');
}
