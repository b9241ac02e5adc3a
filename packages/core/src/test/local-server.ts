import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port>` (loopback: plain http is allowed). */
  url: string;
  /** Requests received so far. */
  readonly requests: number;
  /** Bytes written to response bodies so far. */
  readonly bytesSent: number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a loopback port for behaviours nock cannot show faithfully: a body that
 * drips for ever, a body too large to hold. `handler` gets `write`, which counts the bytes sent.
 */
export async function startLocalServer(
  handler: (req: IncomingMessage, res: ServerResponse, write: (chunk: string | Buffer) => boolean) => void,
): Promise<LocalServer> {
  let requests = 0;
  let bytesSent = 0;
  const server = createServer((req, res) => {
    requests++;
    handler(req, res, (chunk) => {
      if (res.destroyed || res.writableEnded) return false;
      bytesSent += Buffer.byteLength(chunk);
      return res.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get bytesSent() {
      return bytesSent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
