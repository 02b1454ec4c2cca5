import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/**
 * HTTP servers on 127.0.0.1 for one test file, closed after each test. Call at the top level of the file; `serve`
 * resolves with the `/predict` URL of a new server.
 */
export function useLoopbackServers(): (
  handler: (request: IncomingMessage, response: ServerResponse) => void,
) => Promise<string> {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  });
  return async (handler) => {
    const server = createServer(handler);
    server.keepAliveTimeout = 65_000;
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/predict`;
  };
}
