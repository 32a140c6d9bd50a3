/** Node entry point: picks the transport from argv (--stdio, --node-ipc, --socket) and starts the server. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
// A failed request to the client (say, a message it cannot show) is logged, never fatal.
process.on('unhandledRejection', (reason) => connection.console.error(`CIS Lens: unhandled rejection: ${String(reason)}`));
startServer(connection);
