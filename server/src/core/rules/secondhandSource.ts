/**
 * Second-hand sourcing: the article relays what another outlet reported ("as reported by TASS",
 * "TASS says", "X reports that", "according to <media outlet>", "told news agency X",
 * "cited as saying"). The original should be checked.
 */
import cues from '../data/cues.json';
import { matchBefore } from '../text/search';
import { TriggeredPattern } from '../text/triggers';
import type { EntityMention } from '../types';
import type { Rule, RuleContext, RuleFinding } from './types';

const MEDIA_NOUNS = [...cues.mediaNouns].sort((a, b) => b.length - a.length).join('|');
// Each pattern starts with its rare verb so the regex engine can skip ahead cheaply; the auxiliary
// before it ("as reported by", "was cited as saying") is checked backwards where the verb occurs.
const AS_REPORTED = new TriggeredPattern(/\b(?:reported|quoted|cited)\s+by\s+[^,.;:\n(“"«]{1,60}/u, ['reported', 'quoted', 'cited']);
const AS_REPORTED_LEAD = /\b(?:[Aa]s|was|were|had\s+been)\s+$/u;
const CITED = new TriggeredPattern(/\b(?:cited|quoted)\s+as\s+saying\b/u, ['cited', 'quoted']);
const CITED_LEAD = /\b(?:was|were|is|are)\s+$/u;
/** How far back the auxiliary before a verb is looked for. */
const LEAD_WINDOW = 16;
// "in an interview with" is found by "interview" (far rarer than "in"); "in an" before it is taken in as a lead.
const TOLD = new TriggeredPattern(
  new RegExp(`\\b(?:told|speaking\\s+to|interview\\s+with)\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:${MEDIA_NOUNS})\\b(?:\\s+\\p{Lu}[\\p{L}-]*)*`, 'u'),
  ['told', 'speaking', 'interview'],
);
const TOLD_LEAD = /\b[Ii]n\s+an\s+$/u;
const OUTLET_VERB_RE = new RegExp(`^\\s*(?:\\([^)]{1,20}\\)\\s*)?(?:${cues.secondhandVerbs.join('|')})\\b(?:\\s+that\\b)?`, 'iu');

/** "told TASS", "Speaking to Interfax", "in an interview with RIA Novosti" (the outlet itself is the next mention). */
const TOLD_OUTLET_BEFORE = /\b(?:told|[Ss]peaking\s+to|[Ss]poke\s+to|interview\s+with)\s+(?:the\s+)?$/u;
const ACCORDING_TO_BEFORE = /\baccording\s+to\s+(?:the\s+)?(?:[\p{L}’'-]+\s+){0,3}$/iu;

export const secondhandSource: Rule = {
  code: 'secondhand-source',
  description: 'The statement is relayed from another outlet or intermediary; check the original.',
  defaultSeverity: 'information',
  examples: [
    { text: 'The meeting took place, as reported by TASS.', expect: 1 },
    { text: 'TASS says the talks went well.', expect: 1 },
    { text: 'He was cited as saying that the talks went well.', expect: 1 },
    { text: 'Lukashenko, speaking to state news agency BelTA, praised the talks.', expect: 1 },
    { text: 'Speaking to Interfax, the minister said the talks went well.', expect: 1 },
    { text: 'In an interview with the newspaper Kommersant, the minister said the talks went well.', expect: 1 },
    { text: 'The talks went well, Putin said.', expect: 0 },
  ],
  check(ctx) {
    const findings: RuleFinding[] = [];
    patternFindings(ctx, findings, AS_REPORTED, (s) => `Second-hand source: “${s}”. Find and check the original report.`, { re: AS_REPORTED_LEAD, required: true });
    patternFindings(ctx, findings, CITED, (s) => `Second-hand quotation: “${s}”. Who cited it, and where is the original?`, { re: CITED_LEAD, required: false });
    patternFindings(ctx, findings, TOLD, (s) => `Second-hand source: “${s}”. The statement was relayed through a news outlet.`, { re: TOLD_LEAD, required: false });
    outletVerbs(ctx, findings);
    return findings;
  },
};

interface Lead {
  /** Anchored at the end: what may stand right before the match. */
  readonly re: RegExp;
  /** Whether a match without it is dropped. */
  readonly required: boolean;
}

function patternFindings(ctx: RuleContext, into: RuleFinding[], pattern: TriggeredPattern, message: (s: string) => string, lead?: Lead): void {
  const text = ctx.text;
  for (const m of pattern.matches(ctx.triggers)) {
    const before = lead ? matchBefore(text, m.index, lead.re, LEAD_WINDOW) : undefined;
    if (lead?.required && !before) continue;
    const start = before?.start ?? m.index;
    const matched = text.slice(start, m.index + m[0].trimEnd().length);
    into.push({ start, end: start + matched.length, message: message(matched.replace(/\s+/g, ' ')) });
  }
}

/** "TASS says …", "Anadolu Agency (AA) reports that …", "according to Interfax". */
function outletVerbs(ctx: RuleContext, into: RuleFinding[]): void {
  for (const mention of ctx.entities) {
    if (!isMedia(mention, ctx)) continue;
    const verb = OUTLET_VERB_RE.exec(ctx.text.slice(mention.end, mention.end + 60));
    const before = ctx.text.slice(Math.max(0, mention.start - 50), mention.start);
    const according = /ccording/i.test(before) ? ACCORDING_TO_BEFORE.exec(before) : null;
    const toldOutlet = according ? null : TOLD_OUTLET_BEFORE.exec(before);
    if (verb) {
      const end = mention.end + verb[0].length;
      into.push({ start: mention.start, end, message: `Second-hand source: ${mention.name} reports it. Check the original statement.`, data: { outlet: mention.id } });
    } else if (according) {
      const start = mention.start - according[0].length;
      into.push({ start, end: mention.end, message: `Second-hand source: according to ${mention.name}. Check the original statement.`, data: { outlet: mention.id } });
    } else if (toldOutlet) {
      const start = mention.start - toldOutlet[0].length;
      into.push({ start, end: mention.end, message: `Second-hand source: said to ${mention.name}. Check the outlet's original report.`, data: { outlet: mention.id } });
    }
  }
}

function isMedia(mention: EntityMention, ctx: RuleContext): boolean {
  return mention.kind === 'organization' && mention.via !== 'demonym' && ctx.kb.isMedia(mention.id);
}
