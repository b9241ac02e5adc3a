/**
 * The answers of a hostile server, for the hostile fault kinds of `FaultKind` (a body that drips for
 * ever, a body far larger than any client should read, an error body nested 100,000 levels deep,
 * a far rate-limit reset, credentials echoed back, repeated pages). The emulator server calls these;
 * they know nothing of any provider. The rules they must trip are DESIGN.md's "Promises every
 * adapter keeps".
 */
import type { ServerResponse } from 'node:http';
import type { EmulatorRequest, RecordedRequest } from './emulator-types.js';

/** Default `X-RateLimit-Reset` distance of the `rate-limit-headers` fault: 10 days. */
export const FAR_RESET_SECONDS = 10 * 24 * 60 * 60;
/** Default depth of the `nested-body` fault. */
export const NESTED_BODY_DEPTH = 100_000;
/** Default interval between two bytes of the `drip-body` fault. */
export const DRIP_INTERVAL_MS = 200;
/** Host of the default `Location` of the `redirect` fault: another loopback address. */
export const REDIRECT_HOST = '127.0.0.2';

const CHUNK_BYTES = 64 * 1024;
const OVERSIZED_PREFIX = '{"data":"';
const OVERSIZED_SUFFIX = '"}';

/**
 * Sends the status and headers, the first half of `payload`, then one space (JSON whitespace) per
 * `intervalMs` until the client goes away: the body never completes. No content-length (chunked).
 */
export function dripBody(
  res: ServerResponse,
  record: RecordedRequest,
  status: number,
  headers: Record<string, string>,
  payload: string,
  intervalMs: number,
): void {
  if (res.destroyed || res.writableEnded) return;
  const { 'content-length': _dropped, ...rest } = headers;
  res.writeHead(status, { 'content-type': 'application/json', ...rest });
  record.status = status;
  const head = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  res.write(head);
  record.bytesSent = Buffer.byteLength(head);
  const timer = setInterval(() => {
    if (res.destroyed) return;
    res.write(' ');
    record.bytesSent = (record.bytesSent ?? 0) + 1;
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}

/**
 * Streams a 200 with a valid JSON body of exactly `bytes` bytes (`{"data":"xxxx…"}`, at least 11)
 * in 64 KiB chunks, waiting for the client to drain each (memory stays at one chunk). Resolves
 * when the body is sent or the client went away; `record.bytesSent` counts what was handed over.
 */
export async function streamOversizedBody(
  res: ServerResponse,
  record: RecordedRequest,
  bytes: number,
  contentLength: boolean,
): Promise<void> {
  if (res.destroyed || res.writableEnded) return;
  const total = Math.max(bytes, OVERSIZED_PREFIX.length + OVERSIZED_SUFFIX.length);
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(contentLength ? { 'content-length': String(total) } : {}),
  });
  record.status = 200;
  record.bytesSent = 0;
  const filler = Buffer.alloc(CHUNK_BYTES, 'x');
  let left = total - OVERSIZED_PREFIX.length - OVERSIZED_SUFFIX.length;
  const write = async (chunk: Buffer | string): Promise<boolean> => {
    if (res.destroyed) return false;
    const flushed = res.write(chunk);
    record.bytesSent = (record.bytesSent ?? 0) + Buffer.byteLength(chunk);
    if (!flushed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    return !res.destroyed;
  };
  if (!(await write(OVERSIZED_PREFIX))) return;
  while (left > 0) {
    const size = Math.min(left, CHUNK_BYTES);
    if (!(await write(size === CHUNK_BYTES ? filler : filler.subarray(0, size)))) return;
    left -= size;
  }
  if (await write(OVERSIZED_SUFFIX)) res.end();
}

/**
 * The provider's error body with one more member, `nested`, an array nested `depth` levels deep
 * (`[[[…]]]`), as JSON text. A body that is not a JSON object becomes `{"error": body, "nested": …}`.
 */
export function nestedBodyText(providerBody: unknown, depth: number): string {
  const base = asObject(providerBody);
  const members = JSON.stringify(base).slice(1, -1);
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return `{${members}${members ? ',' : ''}"nested":${nested}}`;
}

/**
 * Every credential the request carried: each of `credentials` found in a header, a query value or
 * the raw body, and each whole header value that holds one (`Bearer <token>`), longest first.
 */
export function credentialsCarried(req: EmulatorRequest, credentials: readonly string[]): string[] {
  const known = credentials.filter((value) => value.length >= 4);
  const found = new Set<string>();
  const look = (value: string, whole: boolean) => {
    for (const credential of known) {
      if (!value.includes(credential)) continue;
      found.add(credential);
      if (whole) found.add(value);
    }
  };
  for (const value of Object.values(req.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) look(item, true);
  }
  for (const value of Object.values(req.query)) look(value, false);
  look(req.rawBody, false);
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * The provider's error body with every echoed credential as a key: at the top level (as a DRF field
 * error `{ "<credential>": ["…"] }`), in an `errors` object (DNSimple's shape) and in every other
 * object member (PocketDNS's `details`).
 */
export function echoedCredentialsBody(providerBody: unknown, echoed: readonly string[]): unknown {
  const field = (): Record<string, string[]> =>
    Object.fromEntries(echoed.map((credential) => [credential, ['is not a valid field']]));
  const base = asObject(providerBody);
  for (const [key, value] of Object.entries(base)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      base[key] = { ...(value as Record<string, unknown>), ...field() };
  }
  const errors = base.errors;
  if (errors === undefined || errors === null || typeof errors !== 'object') base.errors = field();
  return { ...base, ...field() };
}

/** A copy of a JSON object body; anything else becomes `{ "error": body }`. */
function asObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? { ...(body as Record<string, unknown>) }
    : { error: body ?? null };
}

/** `X-Request-Id` carrying the echoed credentials (header-safe characters only). */
export function echoedRequestId(echoed: readonly string[]): string {
  return `req-${echoed.join('-')}`.replace(/[^\x21-\x7e]/g, '_');
}

/** The `X-RateLimit-*` headers of the `rate-limit-headers` fault. */
export function rateLimitHeaders(remaining: number, resetInSeconds: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(Math.max(remaining, 1) * 10),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
  };
}

/** `Location` of the `redirect` fault: the same path on another loopback host. */
export function redirectLocation(port: number, path: string): string {
  return `http://${REDIRECT_HOST}:${port}${path}`;
}
