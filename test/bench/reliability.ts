/**
 * Benchmark rows for issue 16 (`--only reliability`):
 * - CSV export of N and 4N annotations on one article, with the scaling ratio (linear: 4x input under 6x time);
 * - 500 edits sent without waiting to a 100 KB article over stdio: time from the last edit to the final
 *   version's diagnostics, and how many analyses the server ran for them.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle, resolveConfig } from '../../server/src/core';
import { exportCsv } from '../../server/src/core/annotations/export/csv';
import { createAnnotation, type Annotation } from '../../server/src/core/annotations/model';
import { builtInKb } from '../helpers/kb';
import type { BenchServer } from './benchServer';

interface Row {
  readonly measure: string;
  readonly value: string;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** An article with `count` claims ("… 1,234 tonnes …"), each annotated once. */
function annotatedArticle(count: number): { text: string; annotations: Annotation[] } {
  const parts: string[] = [];
  const spans: { start: number; end: number }[] = [];
  let length = 0;
  for (let i = 0; i < count; i++) {
    const before = `Officials said exports reached `;
    const figure = `${(i + 1000).toLocaleString('en-US')} tonnes`;
    const sentence = `${before}${figure} in week ${i}.\n`;
    spans.push({ start: length + before.length, end: length + before.length + figure.length });
    parts.push(sentence);
    length += sentence.length;
  }
  const text = parts.join('');
  const statuses = ['verified', 'disputed', 'false', 'note'] as const;
  const annotations = spans.map((span, i) => createAnnotation(text, span, { status: statuses[i % 4]!, rule: 'unverified-claim', note: `checked ${i}` }, '2024-06-01T00:00:00.000Z', `urn:uuid:bench-${i}`));
  return { text, annotations };
}

function timeCsv(count: number): number {
  const { text, annotations } = annotatedArticle(count);
  const model = analyzeArticle(text, builtInKb().kb, resolveConfig({ articleDate: '2024-06-01' }));
  const started = performance.now();
  const csv = exportCsv([{ path: 'bench.txt', text, model, annotations }]);
  const elapsed = performance.now() - started;
  if (csv.length < count) throw new Error('export lost rows');
  return elapsed;
}

export function benchExport(count = 12_500): Row[] {
  timeCsv(500); // warm-up
  const small = timeCsv(count);
  const large = timeCsv(4 * count);
  return [{
    measure: `CSV export of ${count.toLocaleString('en-US')} / ${(4 * count).toLocaleString('en-US')} annotations on one article (4x input)`,
    value: `${fmt(small, 0)} ms / ${fmt(large, 0)} ms, ratio ${fmt(large / small, 2)} (linear: < 6)`,
  }];
}

/** 500 edits without waiting; the time from sending the last to the final version's diagnostics. */
export async function benchBurst(server: BenchServer, articleText: string, edits = 500): Promise<Row[]> {
  const { connection } = server;
  const uri = 'file:///bench/burst.txt';
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: articleText } });
  await server.published(uri, 1);
  const before = await connection.sendRequest<{ analyses: number }>('cisLens/status');
  let doc = TextDocument.create(uri, 'plaintext', 1, articleText);
  const changes: TextDocumentContentChangeEvent[] = [];
  for (let i = 0; i < edits; i++) {
    const text = doc.getText();
    const at = Math.max(0, text.indexOf(' ', Math.floor((((i * 7919) % 997) / 997) * text.length)));
    const start = doc.positionAt(at);
    const change = { range: { start, end: start }, text: ' Tass' };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    changes.push(change);
  }
  const final = server.published(uri, doc.version);
  for (let i = 0; i < edits; i++) void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 2 }, contentChanges: [changes[i]!] });
  const lastSent = performance.now();
  await final;
  const elapsed = performance.now() - lastSent;
  const after = await connection.sendRequest<{ analyses: number }>('cisLens/status');
  return [{
    measure: `${edits} edits sent without waiting to a ${fmt(articleText.length / 1e3, 0)} KB article: last edit → final diagnostics`,
    value: `${fmt(elapsed, 0)} ms, ${after.analyses - before.analyses} analyses (target < 1 s)`,
  }];
}

export function serverBuilt(serverJs: string): boolean {
  return fs.existsSync(serverJs);
}
