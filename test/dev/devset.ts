/**
 * Reads the hand-annotated dev set (`test/fixtures/dev/*.ann.txt`, markup described in its README):
 * strips the inline tags to get the article text, and records the gold spans in that text's offsets.
 * No analysis imports: the validator (`checkDevset.ts`) bundles this file alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ENTITY_KINDS = ['person', 'country', 'place', 'organization', 'event'] as const;
export type GoldKind = (typeof ENTITY_KINDS)[number];

export interface GoldEntity { start: number; end: number; text: string; kind: GoldKind }
/** `speaker` is "" when the article does not say who spoke. */
export interface GoldQuote { start: number; end: number; text: string; speaker: string }
export interface DevArticle {
  file: string;
  header: Record<string, string>;
  text: string;
  entities: GoldEntity[];
  quotes: GoldQuote[];
  /** Quote-marked spans that are not quotations (scare quotes, titles). */
  notQuotes: { start: number; end: number; text: string }[];
}

const TAG = /<(\/?)(e|q|x)(?:\s+(k|s)="([^"]*)")?\s*>/g;

/** Parses one annotated file; throws with the file and line on malformed markup. */
export function parseDevArticle(file: string, source: string): DevArticle {
  const normalized = source.replace(/\r\n?/g, '\n');
  const blank = normalized.indexOf('\n\n');
  const headerBlock = normalized.startsWith('@') && blank >= 0 ? normalized.slice(0, blank) : '';
  const header: Record<string, string> = {};
  for (const line of headerBlock.split('\n').filter(Boolean)) {
    const m = /^@(\w+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`${file}: bad header line: ${line}`);
    header[m[1]] = m[2].trim();
  }
  const body = headerBlock ? normalized.slice(blank + 2) : normalized;
  const article: DevArticle = { file, header, text: '', entities: [], quotes: [], notQuotes: [] };
  const open: { tag: string; attr: string; start: number; at: number }[] = [];
  let text = '';
  let last = 0;
  const fail = (at: number, why: string) => {
    const line = body.slice(0, at).split('\n').length;
    throw new Error(`${file}: body line ${line}: ${why}`);
  };
  for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    const [, closing, tag, attrName, attr] = m;
    if (!closing) {
      if (tag === 'e' && attrName !== 'k') fail(m.index, '<e> needs k="kind"');
      if (tag === 'q' && attrName !== 's') fail(m.index, '<q> needs s="speaker"');
      if (tag === 'e' && !(ENTITY_KINDS as readonly string[]).includes(attr)) fail(m.index, `unknown kind "${attr}"`);
      if (tag === 'e' && open.some((o) => o.tag === 'e')) fail(m.index, 'nested <e>');
      open.push({ tag, attr: attr ?? '', start: text.length, at: m.index });
      continue;
    }
    const top = open.pop();
    if (!top || top.tag !== tag) fail(m.index, `</${tag}> does not close ${top ? `<${top.tag}>` : 'anything'}`);
    const span = { start: top!.start, end: text.length, text: text.slice(top!.start) };
    if (span.end === span.start) fail(m.index, `empty <${tag}>`);
    if (/^\s|\s$/.test(span.text)) fail(m.index, `<${tag}> span starts or ends with a space: "${span.text}"`);
    if (tag === 'e') article.entities.push({ ...span, kind: top!.attr as GoldKind });
    else if (tag === 'q') article.quotes.push({ ...span, speaker: top!.attr });
    else article.notQuotes.push(span);
  }
  if (open.length) fail(open[0].at, `<${open[0].tag}> never closed`);
  text += body.slice(last);
  if (/<\/?[eqx][\s>]/.test(text)) fail(0, 'a tag the parser did not read (check its quotes and spelling)');
  article.text = text;
  article.entities.sort((a, b) => a.start - b.start);
  article.quotes.sort((a, b) => a.start - b.start);
  return article;
}

export function loadDevSet(dir: string): DevArticle[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ann.txt')).sort()
    .map((f) => parseDevArticle(f, fs.readFileSync(path.join(dir, f), 'utf8')));
}
