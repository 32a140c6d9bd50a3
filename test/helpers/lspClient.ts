/** Spawns the bundled server over stdio exactly as an editor does and speaks LSP to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './kb';

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** Resolves with the first diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  /** The diagnostics most recently published for `uri` (empty when none yet). */
  latest(uri: string): Diagnostic[];
  open(file: string, languageId?: string, text?: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }>;
  stop(): Promise<void>;
}

export async function startTestServer(workspace: string | null = null, settings?: object, nodeArgs: readonly string[] = [], initializationOptions?: object): Promise<TestServer> {
  const serverJs = path.join(repoRoot, 'dist', 'server.js');
  if (!fs.existsSync(serverJs)) throw new Error('dist/server.js is missing: run `npm run build` first.');
  const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, { version?: number; diagnostics: Diagnostic[] }[]>();
  const waiters: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), { version: p.version, diagnostics: p.diagnostics }]);
    for (const w of waiters.filter((w) => w.uri === p.uri && (w.version === undefined || w.version === p.version))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p.diagnostics);
    }
  });
  connection.onRequest('workspace/configuration', () => [settings ?? null]);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showDocument', () => ({ success: true }));
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();
  const rootUri = workspace ? pathToFileURL(workspace).toString() : null;
  await connection.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri,
    workspaceFolders: workspace ? [{ uri: rootUri!, name: 'ws' }] : null,
    capabilities: { workspace: { configuration: !!settings, applyEdit: true, workspaceEdit: { documentChanges: true } } },
    ...(initializationOptions ? { initializationOptions } : {}),
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const diagnostics = (uri: string, version?: number, timeoutMs = 15000) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const seen = (published.get(uri) ?? []).find((p) => version === undefined || p.version === version);
      if (seen) return resolve(seen.diagnostics);
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), timeoutMs);
      waiters.push({ uri, version, resolve: (d) => { clearTimeout(timer); resolve(d); } });
    });

  return {
    connection,
    child,
    diagnostics,
    latest: (uri) => published.get(uri)?.at(-1)?.diagnostics ?? [],
    async open(file, languageId = 'plaintext', text = fs.readFileSync(file, 'utf8')) {
      const uri = pathToFileURL(file).toString();
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return { uri, text, diagnostics: await diagnostics(uri, 1) };
    },
    stop: () => stopServer(connection, child),
  };
}

/** Shutdown and exit as an editor sends them; the process is killed if it has not exited within 3 s. */
export async function stopServer(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
  await connection.sendNotification(ExitNotification.type).catch(() => undefined);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => { child.kill(); resolve(); }, 3000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
  });
  connection.dispose();
}

export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
