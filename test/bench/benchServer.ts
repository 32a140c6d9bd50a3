/**
 * The bundled server spawned over stdio for benchmark rows, answering what the server asks the way a plain
 * client does; `published` waits for a document version's diagnostics (or a later version's).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { stopServer } from '../helpers/lspClient';

export interface BenchServer {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  /** Resolves at the first publishDiagnostics for `uri` with `version` (or with no version, if the server sends none). */
  published(uri: string, version: number): Promise<void>;
  stop(): Promise<void>;
}

/** `initializationOptions` go to the server as a client's would (e.g. `workerThreshold`). */
export async function startServer(serverJs: string, log: (message: string) => void, initializationOptions?: object): Promise<BenchServer> {
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  child.once('exit', (code) => {
    if (code) log(`server exited with ${code}: ${stderr}`);
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Map<string, { version: number; resolve: () => void }[]>();
  const seen = new Map<string, number>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const version = p.version ?? Number.POSITIVE_INFINITY;
    seen.set(p.uri, Math.max(seen.get(p.uri) ?? -1, version));
    const list = waiters.get(p.uri);
    if (!list) return;
    const ready = list.filter((w) => version >= w.version);
    waiters.set(p.uri, list.filter((w) => version < w.version));
    for (const w of ready) w.resolve();
  });
  // Answer whatever the server asks (configuration, capability registration, progress) the way a plain client would.
  connection.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params?.items ?? []).map(() => null));
  for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showMessageRequest',
    'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/diagnostic/refresh']) {
    connection.onRequest(method, () => null);
  }
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: {}, ...(initializationOptions ? { initializationOptions } : {}) });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    child,
    connection,
    published(uri, version) {
      if ((seen.get(uri) ?? -1) >= version) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no publishDiagnostics for ${uri} version ${version} within 10 minutes`)), 600_000);
        waiters.set(uri, [...(waiters.get(uri) ?? []), { version, resolve: () => { clearTimeout(timer); resolve(); } }]);
      });
    },
    stop: () => stopServer(connection, child),
  };
}

/** Runs `use` against a fresh server and always stops the server afterwards. */
export async function withServer<T>(serverJs: string, log: (message: string) => void, use: (server: BenchServer) => Promise<T>, initializationOptions?: object): Promise<T> {
  const server = await startServer(serverJs, log, initializationOptions);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}
