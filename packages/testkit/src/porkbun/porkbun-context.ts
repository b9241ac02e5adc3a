/**
 * What every Porkbun route shares: the state, the settings, the limiters, the edge, the idempotency
 * store, the request ids (a UUIDv7 per request, in the `requestId` field and the `X-Request-Id`
 * header), the success envelope and `defineRoutes`, which declares a route for the methods Porkbun
 * accepts and answers `METHOD_NOT_ALLOWED` for the other one (docs/providers/porkbun.md#basics).
 */

import {
  EmulatorHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
  type EmulatorRoute,
} from '../emulator/emulator-types.js';
import { createPrng } from '../emulator/prng.js';
import type { EdgeGate } from './porkbun-edge.js';
import { PorkbunError } from './porkbun-errors.js';
import type { IdempotencyStore } from './porkbun-idempotency.js';
import type { PorkbunLimits } from './porkbun-limits.js';
import { pathDomain } from './porkbun-request.js';
import type { PorkbunResponseShapes } from './porkbun-shapes.js';
import type { PorkbunDomain, PorkbunState } from './porkbun-state.js';

export const PORKBUN_API_PREFIX = '/api/json/v3';

export interface PorkbunSettings {
  shapes: PorkbunResponseShapes;
  pageSize: number;
  renewCooldownDays: number;
  rejectedAuthCodes: string[];
  transferAdvance: 'on-read' | 'manual';
  processingDelayMs: number;
}

export interface PorkbunContext {
  state: PorkbunState;
  settings: PorkbunSettings;
  limits: PorkbunLimits;
  edge: EdgeGate;
  idempotency: IdempotencyStore;
  requestId(req: EmulatorRequest): string;
}

/** A UUIDv7 (48-bit millisecond time, then random bits from `random`). */
export function uuidv7(ms: number, random: () => number): string {
  const hex = ms.toString(16).padStart(12, '0').slice(-12);
  const r = () =>
    Math.floor(random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  const variant = (0x8000 | (Math.floor(random() * 0x4000) & 0x3fff)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
}

/** One request id per request, from a seeded generator. */
export function requestIdSource(seed: number): (req: EmulatorRequest) => string {
  const random = createPrng(seed ^ 0x70726b);
  const ids = new WeakMap<EmulatorRequest, string>();
  return (req) => {
    let id = ids.get(req);
    if (id === undefined) {
      id = uuidv7(Date.now(), random);
      ids.set(req, id);
    }
    return id;
  };
}

/** `{ status: "SUCCESS", ...fields }` with HTTP 200. */
export function ok(fields: Record<string, unknown> = {}, headers?: Record<string, string>): EmulatorResponse {
  const response: EmulatorResponse = { status: 200, body: { status: 'SUCCESS', ...fields } };
  if (headers) response.headers = headers;
  return response;
}

/** The answer of a validated dry run of a DNS, nameserver or contacts write (nothing changed). */
export function dryRunOk(): EmulatorResponse {
  return ok({
    dryRun: true,
    wouldSucceed: true,
    message: 'Dry run: the request is valid; nothing was changed.',
  });
}

/**
 * The path's domain when it is in the account (else 400 `INVALID_DOMAIN` "Invalid domain."), and,
 * with `apiAccess`, opted in to API access (else `API_ACCESS_DISABLED`).
 */
export function accountDomain(ctx: PorkbunContext, req: EmulatorRequest, apiAccess = true): PorkbunDomain {
  const domain = ctx.state.domains.get(pathDomain(req));
  if (!domain) throw new PorkbunError('INVALID_DOMAIN');
  if (apiAccess && !domain.apiAccess) throw new PorkbunError('API_ACCESS_DISABLED');
  return domain;
}

export interface RouteSpec {
  /** `both`: POST with a JSON body, or GET with header auth. */
  methods: 'POST' | 'GET' | 'both';
  /** Paths below `/api/json/v3` (find-my-way patterns); several for optional segments. */
  paths: string[];
  operation: string;
  public?: boolean;
  handler: (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;
}

/** Adds the request id to the body and the headers (kept with the answer, so a replay repeats both). */
function stamp(ctx: PorkbunContext, req: EmulatorRequest, response: EmulatorResponse): EmulatorResponse {
  const id = ctx.requestId(req);
  const headers = { ...response.headers, 'x-request-id': id };
  const body = response.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && !('requestId' in body))
    return { ...response, headers, body: { ...body, requestId: id } };
  return { ...response, headers };
}

function wrap(ctx: PorkbunContext, spec: RouteSpec): EmulatorRoute['handler'] {
  return async (req) => {
    const rejected = ctx.edge.check(req);
    if (rejected) return rejected;
    return ctx.idempotency.run(req, async () => {
      try {
        return stamp(ctx, req, await spec.handler(req));
      } catch (error) {
        if (!(error instanceof EmulatorHttpError)) throw error;
        return stamp(ctx, req, { status: error.status, body: error.body, headers: error.headers });
      }
    });
  };
}

/** The routes of `specs`, each with its `METHOD_NOT_ALLOWED` twin for the method it does not take. */
export function defineRoutes(ctx: PorkbunContext, specs: RouteSpec[]): EmulatorRoute[] {
  const routes: EmulatorRoute[] = [];
  for (const spec of specs) {
    const handler = wrap(ctx, spec);
    const refuse = wrap(ctx, {
      ...spec,
      handler: () => {
        throw new PorkbunError('METHOD_NOT_ALLOWED');
      },
    });
    for (const path of spec.paths) {
      const full = `${PORKBUN_API_PREFIX}${path}`;
      for (const method of ['GET', 'POST'] as const) {
        const accepted = spec.methods === 'both' || spec.methods === method;
        routes.push({
          method,
          path: full,
          operation: spec.operation,
          public: accepted ? spec.public === true : true,
          handler: accepted ? handler : refuse,
        });
      }
    }
  }
  return routes;
}
