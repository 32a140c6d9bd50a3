/** Node entry point: picks the transport from argv (--stdio, --node-ipc, --socket) and starts the server. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
startServer(connection);
