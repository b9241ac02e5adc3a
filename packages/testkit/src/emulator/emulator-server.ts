/**
 * The HTTP server behind every provider emulator: node:http on 127.0.0.1, find-my-way routing, JSON
 * bodies, auth, per-bucket sliding-window rate limits, deterministic fault injection, latency, the
 * request log and the ledger. A provider module only supplies an `EmulatorApp`.
 *
 * Per request, in order: read the body → log it → route (unknown → 404) → `latencyMs` → fault rules
 * → auth (unless `public`) → rate limit of the route's bucket → invalid JSON body (400) → handler.
 * Choices where the brief was silent:
 * - An unparseable body is rejected after auth and the rate limit (so it counts against the bucket,
 *   as any request the API received does), not before: an unauthenticated caller always gets 401.
 * - Unknown routes get no faults, no auth and no rate limit: just `latencyMs` and the 404.
 * - With `rateLimits: false` requests are still counted, so `responseHeaders` gets a bucket state.
 * - The `html-error` fault imitates a proxy in front of the API: it carries none of the app's headers.
 * - `malformed-json` truncates the handler's real response body (or sends `{"data": {"id": 1,` when
 *   there was none) with status 200.
 * - A handler body that is a string with a non-JSON `content-type` header is sent as is.
 * - Routes match exactly as declared (no trailing-slash folding), paths are case-sensitive.
 * - Routes sharing a method and path are told apart by their `match` (first match wins); a request
 *   none matches is an unknown route (404).
 * - A route with several buckets is refused when any of them is full, and then counts against none.
 * - `malformed-json` on a string body (XML, HTML) truncates that text and keeps its content type.
 * - Hostile faults (hostile-responses.ts): `redirect`, `oversized-body`, `nested-body` and
 *   `echo-credentials` answer before the handler (nothing processed); `drip-body`,
 *   `rate-limit-headers` and `transform` change the handler's real answer; `repeat-first-page`
 *   answers every request after the first (per operation, since the rules were set) with the first.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import FindMyWay from 'find-my-way';
import {
  type CommonEmulatorOptions,
  type EmulatorApp,
  EmulatorHttpError,
  type EmulatorRequest,
  type EmulatorRoute,
  type FaultKind,
  type FaultRule,
  type HttpMethod,
  type RecordedRequest,
  type RunningEmulator,
} from './emulator-types.js';
import { FaultInjector } from './fault-injector.js';
import {
  credentialsCarried,
  DRIP_INTERVAL_MS,
  dripBody,
  echoedCredentialsBody,
  echoedRequestId,
  FAR_RESET_SECONDS,
  NESTED_BODY_DEPTH,
  nestedBodyText,
  rateLimitHeaders,
  redirectLocation,
  streamOversizedBody,
} from './hostile-responses.js';
import { SlidingWindow, type SlidingWindowState } from './sliding-window.js';

export type BucketState = SlidingWindowState;

interface Outcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  bucketState: BucketState | null;
  /** The answer of `EmulatorApp.rateLimitResponse` (counted by `rateLimited()` whatever its status). */
  overLimit?: boolean;
}

const DEFAULT_FAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication failed',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Validation failed',
  429: 'Too many requests',
  500: 'Internal error',
};

const HTML_REASONS: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable' };

/** Sent by the `malformed-json` fault when the handler produced no body to truncate. */
export const MALFORMED_JSON_FALLBACK = '{"data": {"id": 1,';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseQuery(search: string): { query: Record<string, string>; queryAll: Record<string, string[]> } {
  const query: Record<string, string> = {};
  const queryAll: Record<string, string[]> = {};
  // Last value wins for repeated keys in `query`; `queryAll` keeps every value.
  for (const [key, value] of new URLSearchParams(search)) {
    query[key] = value;
    const values = queryAll[key] ?? [];
    values.push(value);
    queryAll[key] = values;
  }
  return { query, queryAll };
}

const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

function bucketNames(bucket: string | readonly string[] | undefined): readonly string[] {
  if (bucket === undefined) return [];
  return typeof bucket === 'string' ? [bucket] : bucket;
}

function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = value;
  return out;
}

function htmlPage(status: number): string {
  const title = `${status} ${HTML_REASONS[status] ?? 'Error'}`;
  return (
    `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n` +
    `<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`
  );
}

/** First half of a JSON text, guaranteed not to parse. */
function truncateJson(text: string | undefined): string {
  if (text === undefined || text.length < 2) return MALFORMED_JSON_FALLBACK;
  const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  try {
    JSON.parse(cut);
  } catch {
    return cut;
  }
  return MALFORMED_JSON_FALLBACK;
}

function debug(error: unknown): void {
  if (process.env.EMULATOR_DEBUG)
    process.stderr.write(`[emulator] handler error: ${String((error as Error)?.stack ?? error)}\n`);
}

export async function startEmulatorServer<TState>(
  app: EmulatorApp<TState>,
  options: CommonEmulatorOptions = {},
): Promise<RunningEmulator<TState>> {
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new RangeError('timeScale must be > 0');
  const enforceLimits = options.rateLimits !== false;
  const windows = new Map<string, SlidingWindow>();
  for (const [name, bucket] of Object.entries(app.buckets)) {
    windows.set(
      name,
      new SlidingWindow(
        bucket.limit,
        bucket.intervalMs * timeScale,
        Date.now,
        (bucket.lockoutMs ?? 0) * timeScale,
      ),
    );
  }
  const faults = new FaultInjector(options.faults ?? [], options.seed?.seed ?? 1);
  // Ledger length when the rules were set (`afterCharge`), and the first answers (`repeat-first-page`).
  let ledgerMark = app.ledger.length;
  const firstPages = new Map<string, Outcome>();

  const router = FindMyWay({ ignoreTrailingSlash: false, caseSensitive: true });
  // Routes sharing a method and path are registered once, as a list told apart by `match`.
  const shared = new Map<string, EmulatorRoute[]>();
  for (const route of app.routes) {
    for (const name of bucketNames(route.bucket)) {
      if (!windows.has(name))
        throw new Error(`${app.name}: route ${route.method} ${route.path} uses unknown bucket ${name}`);
    }
    const key = `${route.method} ${route.path}`;
    const list = shared.get(key);
    if (list) list.push(route);
    else {
      const routes = [route];
      shared.set(key, routes);
      router.on(route.method, route.path, () => {}, routes);
    }
  }

  const requests: RecordedRequest[] = [];
  let sequence = 0;
  let tooManyRequests = 0;

  const responseHeaders = (req: EmulatorRequest, bucketState: BucketState | null): Record<string, string> =>
    lowerKeys(app.responseHeaders?.(req, bucketState));

  function send(res: ServerResponse, record: RecordedRequest, req: EmulatorRequest, outcome: Outcome): void {
    if (res.destroyed || res.writableEnded) return;
    const headers = { ...responseHeaders(req, outcome.bucketState), ...lowerKeys(outcome.headers) };
    let payload: string | undefined;
    if (outcome.body !== undefined && outcome.status !== 204 && outcome.status !== 304) {
      const contentType = headers['content-type'];
      if (typeof outcome.body === 'string' && contentType !== undefined && !/json/i.test(contentType)) {
        payload = outcome.body;
      } else {
        payload = JSON.stringify(outcome.body);
        headers['content-type'] ??= 'application/json';
      }
    }
    writeRaw(res, record, outcome.status, headers, payload);
    if (outcome.overLimit && outcome.status !== 429) tooManyRequests += 1;
  }

  function writeRaw(
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    headers: Record<string, string>,
    payload: string | undefined,
  ): void {
    if (res.destroyed || res.writableEnded) return;
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    else delete headers['content-type'];
    res.writeHead(status, headers);
    res.end(payload);
    record.status = status;
    if (status === 429) tooManyRequests += 1;
  }

  function reset(req: IncomingMessage): void {
    req.socket.destroy();
  }

  async function runRoute(
    route: EmulatorRoute,
    req: EmulatorRequest,
    bodyInvalid: boolean,
  ): Promise<Outcome> {
    const routeWindows = bucketNames(route.bucket).map((name) => windows.get(name)!);
    const window = routeWindows[0];
    if (!route.public) {
      const denied = app.authenticate(req);
      // Rejected requests are not counted against the bucket.
      if (denied) return { ...denied, bucketState: window?.peek() ?? null };
    }
    let bucketState: BucketState | null = null;
    if (window) {
      // Several buckets: a full one refuses the request before any of them records it.
      const full = enforceLimits ? routeWindows.find((w) => w.peek().remaining === 0) : undefined;
      const decision = (full ?? window).take(enforceLimits);
      if (decision.allowed) for (const other of routeWindows.slice(1)) other.take(enforceLimits);
      bucketState = { limit: decision.limit, remaining: decision.remaining, resetAt: decision.resetAt };
      if (!decision.allowed) {
        if (app.rateLimitResponse) {
          return { ...app.rateLimitResponse(req, decision.retryAfterMs), bucketState, overLimit: true };
        }
        return {
          status: 429,
          body: app.errorBody(429, 'Too many requests', req),
          headers: {
            'retry-after': retryAfterSeconds(decision.retryAfterMs),
            'x-emulator-retry-after-ms': String(Math.ceil(decision.retryAfterMs)),
          },
          bucketState,
        };
      }
    }
    if (bodyInvalid) return { status: 400, body: app.errorBody(400, 'Invalid JSON body', req), bucketState };

    const ledgerStart = app.ledger.length;
    try {
      const result = await route.handler(req);
      return { ...result, bucketState };
    } catch (error) {
      if (error instanceof EmulatorHttpError) {
        return { status: error.status, body: error.body, headers: error.headers, bucketState };
      }
      debug(error);
      return { status: 500, body: app.errorBody(500, 'Internal error', req), bucketState };
    } finally {
      for (let i = ledgerStart; i < app.ledger.length; i++) {
        const entry = app.ledger[i]!;
        if (!entry.requestSeq) entry.requestSeq = req.seq ?? 0;
      }
    }
  }

  async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(incoming);
    const url = incoming.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const { query, queryAll } = parseQuery(q < 0 ? '' : url.slice(q + 1));
    const method = (incoming.method ?? 'GET').toUpperCase() as HttpMethod;
    const found = router.find(method, path);
    // Whether the body stays raw text (a zone-file upload) is a property of the path's routes.
    const rawBodyRoute = ((found?.store as EmulatorRoute[] | undefined) ?? []).some((r) => r.rawBody);

    let body: unknown;
    let bodyInvalid = false;
    if (app.formBodies && FORM_TYPE.test(incoming.headers['content-type'] ?? '')) {
      body = parseQuery(rawBody).query;
    } else if (rawBody.trim() !== '' && !rawBodyRoute) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        bodyInvalid = true;
      }
    }

    sequence += 1;
    const record: RecordedRequest = {
      seq: sequence,
      method,
      path,
      query,
      headers: incoming.headers,
      // An unparseable body is logged as the raw text.
      body: bodyInvalid || (rawBodyRoute && rawBody !== '') ? rawBody : body,
      operation: null,
      status: null,
      at: Date.now(),
    };
    requests.push(record);

    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(found?.params ?? {}))
      if (value !== undefined) params[key] = value;
    const req: EmulatorRequest = {
      method,
      path,
      params,
      query,
      queryAll,
      headers: incoming.headers,
      body: bodyInvalid ? undefined : body,
      rawBody,
      remoteAddress: incoming.socket.remoteAddress,
      seq: record.seq,
    };

    const candidates = (found?.store as EmulatorRoute[] | undefined) ?? [];
    const route = candidates.find((candidate) => candidate.match?.(req) ?? true);

    if (options.latencyMs && options.latencyMs > 0) await sleep(options.latencyMs);

    if (!route) {
      send(res, record, req, { status: 404, body: app.errorBody(404, 'Not found', req), bucketState: null });
      return;
    }
    record.operation = route.operation;

    const fault: FaultKind | null = faults.next({
      operation: route.operation,
      method: route.method,
      path: route.path,
      charged: app.ledger.length > ledgerMark,
    });
    const firstBucket = bucketNames(route.bucket)[0];
    const peek = (): BucketState | null =>
      firstBucket === undefined ? null : (windows.get(firstBucket)?.peek() ?? null);
    switch (fault?.type) {
      case 'reset-before':
        reset(incoming);
        return;
      case 'status':
        send(res, record, req, {
          status: fault.status,
          body: app.errorBody(fault.status, 'Injected fault', req),
          bucketState: peek(),
        });
        return;
      case 'html-error':
        writeRaw(res, record, fault.status, { 'content-type': 'text/html' }, htmlPage(fault.status));
        return;
      case 'error':
        send(res, record, req, {
          status: fault.status,
          body: app.errorBody(
            fault.status,
            fault.message ?? DEFAULT_FAULT_MESSAGES[fault.status] ?? 'Error',
            req,
          ),
          headers:
            fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) },
          bucketState: peek(),
        });
        return;
      case 'latency':
        await sleep(fault.ms);
        break;
      case 'redirect':
        send(res, record, req, {
          status: fault.status ?? 302,
          headers: { location: fault.location ?? redirectLocation(incoming.socket.localPort ?? 0, url) },
          bucketState: peek(),
        });
        return;
      case 'oversized-body':
        await streamOversizedBody(res, record, fault.bytes, fault.contentLength ?? false);
        return;
      case 'nested-body': {
        const providerBody = app.errorBody(
          fault.status,
          DEFAULT_FAULT_MESSAGES[fault.status] ?? 'Error',
          req,
        );
        const headers = { ...responseHeaders(req, peek()), 'content-type': 'application/json' };
        writeRaw(
          res,
          record,
          fault.status,
          headers,
          nestedBodyText(providerBody, fault.depth ?? NESTED_BODY_DEPTH),
        );
        return;
      }
      case 'echo-credentials': {
        const status = fault.status ?? 401;
        const echoed = credentialsCarried(req, Object.values(app.seedInfo.credentials));
        const providerBody = app.errorBody(status, DEFAULT_FAULT_MESSAGES[status] ?? 'Error', req);
        send(res, record, req, {
          status,
          body: echoedCredentialsBody(providerBody, echoed),
          headers: { 'x-request-id': echoedRequestId(echoed) },
          bucketState: peek(),
        });
        return;
      }
      case 'repeat-first-page': {
        const first = firstPages.get(route.operation);
        if (first) {
          send(res, record, req, structuredClone(first));
          return;
        }
        break;
      }
      default:
        break;
    }

    const outcome = await runRoute(route, req, bodyInvalid);
    if (fault?.type === 'repeat-first-page') firstPages.set(route.operation, structuredClone(outcome));
    if (fault?.type === 'transform') outcome.body = fault.transform(outcome.body, req);
    if (fault?.type === 'rate-limit-headers') {
      const far = rateLimitHeaders(fault.remaining ?? 0, fault.resetInSeconds ?? FAR_RESET_SECONDS);
      outcome.headers = { ...outcome.headers, ...far };
    }
    if (fault?.type === 'drip-body') {
      const headers = { ...responseHeaders(req, outcome.bucketState), ...lowerKeys(outcome.headers) };
      const payload = outcome.body === undefined ? '{"data": null}' : JSON.stringify(outcome.body);
      dripBody(res, record, outcome.status, headers, payload, fault.intervalMs ?? DRIP_INTERVAL_MS);
      return;
    }

    if (fault?.type === 'reset-after') {
      reset(incoming);
      return;
    }
    if (fault?.type === 'malformed-json') {
      const headers = { ...responseHeaders(req, outcome.bucketState), 'content-type': 'application/json' };
      const contentType = lowerKeys(outcome.headers)['content-type'];
      if (
        typeof outcome.body === 'string' &&
        outcome.body.length >= 2 &&
        contentType &&
        !/json/i.test(contentType)
      ) {
        // A text body (XML, HTML): its first half, under its own content type.
        headers['content-type'] = contentType;
        writeRaw(res, record, 200, headers, outcome.body.slice(0, Math.floor(outcome.body.length / 2)));
        return;
      }
      const full =
        outcome.body === undefined || (typeof outcome.body === 'string' && outcome.body === '')
          ? undefined
          : JSON.stringify(outcome.body);
      writeRaw(res, record, 200, headers, truncateJson(full));
      return;
    }
    send(res, record, req, outcome);
  }

  const sockets = new Set<Socket>();
  const server = createServer((incoming, res) => {
    handle(incoming, res).catch((error: unknown) => {
      debug(error);
      if (!res.headersSent && !res.destroyed) {
        const body = JSON.stringify(app.errorBody(500, 'Internal error'));
        res.writeHead(500, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        });
        res.end(body);
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
    state: app.state,
    requests,
    ledger: app.ledger,
    rateLimited: () => tooManyRequests,
    setFaults(rules: FaultRule[]) {
      faults.setRules(rules);
      ledgerMark = app.ledger.length;
      firstPages.clear();
    },
    seedInfo: app.seedInfo,
    ...(app.hostile ? { hostile: app.hostile } : {}),
  };
}
