/** Helpers shared by the in-editor suites (not a test file: no `.e2e.` in the name). */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/** Repo root: out/test/e2e/suite → ../../../.. (CIS_LENS_REPO overrides, e.g. for a throwaway extension). */
export const REPO = process.env.CIS_LENS_REPO ?? path.resolve(__dirname, '../../../..');
/** publisher.name from package.json: whoever publishes sets the publisher id there, and the tests follow. */
export const EXTENSION_ID = (() => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${manifest.publisher}.${manifest.name}`;
})();
export const SOURCE = 'cis-lens';
export const ARTICLES = path.join(REPO, 'seeds/articles');
export const GOLD = path.join(REPO, 'test/fixtures/gold');

export interface GoldSpan {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}
export interface Gold {
  readonly file: string;
  readonly diagnostics: { readonly expect: readonly GoldSpan[]; readonly forbid?: readonly GoldSpan[] };
}

export function seedFiles(): string[] {
  return fs.readdirSync(ARTICLES).filter((f) => /\.(txt|md|article)$/.test(f)).sort();
}

export function goldFor(seed: string): Gold | undefined {
  const p = path.join(GOLD, seed.replace(/\.[^.]+$/, '') + '.gold.json');
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as Gold) : undefined;
}

export async function activate(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.'));
    throw new Error(`extension ${EXTENSION_ID} is not installed/loaded (non-builtin extensions: ${ids.join(', ') || 'none'})`);
  }
  await ext.activate();
  return ext;
}

export async function openSeed(seed: string, show = false): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(ARTICLES, seed)));
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Resolves with the first truthy value of `probe`, re-checked whenever diagnostics change and at
 * least every `pollMs` (providers have no change event). Rejects with `what` + the last value on timeout.
 */
export function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, pollMs = 250): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let busy = false;
    let last: unknown;
    const stop = (): void => {
      done = true;
      clearInterval(timer);
      clearTimeout(deadline);
      sub.dispose();
    };
    const check = async (): Promise<void> => {
      if (done || busy) return;
      busy = true;
      try {
        const v = await probe();
        last = v;
        if (v && !done) {
          stop();
          resolve(v);
        }
      } catch (e) {
        last = e;
      } finally {
        busy = false;
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => void check());
    const timer = setInterval(() => void check(), pollMs);
    const deadline = setTimeout(() => {
      if (done) return;
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}` + (last instanceof Error ? ` (last error: ${last.message})` : '')));
    }, timeoutMs);
    void check();
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** Cold start of the extension host + language server: the first wait for anything from the server. */
export const FIRST_WAIT_MS = Number(process.env.E2E_FIRST_WAIT_MS ?? 60_000);
/** Once the server has answered, later answers should be quick. */
export const WAIT_MS = Number(process.env.E2E_WAIT_MS ?? 15_000);
/** After the server showed no sign of life for FIRST_WAIT_MS, fail the remaining checks fast. */
export const DEAD_WAIT_MS = 5_000;

let gaveUp = false;
/** True once any document carries a cis-lens diagnostic. */
export function serverSeen(): boolean {
  return vscode.languages.getDiagnostics().some(([, ds]) => ds.some((d) => d.source === SOURCE));
}
/** How long to wait for the server now: cold start, normal, or fast-fail when it never answered. */
export function patience(): number {
  if (serverSeen()) return WAIT_MS;
  return gaveUp ? DEAD_WAIT_MS : FIRST_WAIT_MS;
}
/** Waits for the first sign of life (a cis-lens diagnostic on any document); remembers a timeout. */
export async function waitForServer(): Promise<boolean> {
  const ok = await waitFor('any cis-lens diagnostic', () => serverSeen(), patience()).then(() => true, () => false);
  if (!ok) gaveUp = true;
  return ok;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '  (none)';
  return ds.map((d) => `  ${d.source ?? '?'}/${codeOf(d)} L${d.range.start.line + 1}:${d.range.start.character + 1}-L${d.range.end.line + 1}: ${d.message.slice(0, 80)}`).join('\n');
}

/** Position inside the n-th (0-based) whole-word occurrence of `word`. */
export function positionOf(doc: vscode.TextDocument, word: string, nth = 0, into = 1): vscode.Position {
  const re = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
  const text = doc.getText();
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    if (i++ === nth) return doc.positionAt(m.index + Math.min(into, word.length - 1));
  }
  throw new Error(`"${word}" (occurrence ${nth}) not found in ${path.basename(doc.uri.fsPath)}`);
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else if (c && typeof (c as { value?: unknown }).value === 'string') parts.push((c as { value: string }).value);
    }
  }
  return parts.join('\n');
}

/** Flattens a DocumentSymbol tree into `path > path > name` strings (for failure messages). */
export function symbolOutline(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[], depth = 0): string[] {
  const lines: string[] = [];
  for (const s of symbols) {
    lines.push(`${'  '.repeat(depth)}${s.name} [${vscode.SymbolKind[s.kind]}]`);
    if ('children' in s && s.children) lines.push(...symbolOutline(s.children, depth + 1));
  }
  return lines;
}

export { kbIdLine } from '../kb';
