import { inspect } from 'node:util';

/** Every rendering of an error a user might log or send on: the whole cause chain included. */
export function errorRenderings(error: unknown): string[] {
  const out: string[] = [inspect(error, { depth: 10, showHidden: true })];
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    const e = current as Error & { toJSON?: () => unknown };
    out.push(
      String(e),
      e.message ?? '',
      e.stack ?? '',
      safeJson(e),
      inspect(e, { depth: 10, showHidden: true }),
    );
    if (typeof e.toJSON === 'function') out.push(safeJson(e.toJSON()));
    current = (e as { cause?: unknown }).cause;
  }
  return out;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** A loopback port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}
