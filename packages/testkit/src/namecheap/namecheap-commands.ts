/**
 * Namecheap has one endpoint, `/xml.response`, for GET and POST; the `Command` parameter picks the
 * operation (case-insensitive). Each command becomes a GET and a POST `EmulatorRoute` told apart by
 * `match`, counted against the per-minute, per-hour and per-day buckets, and answered in the
 * `ApiResponse` envelope (HTTP 200 for API errors too). See docs/providers/namecheap.md#commands.
 */
import type { EmulatorRequest, EmulatorResponse, EmulatorRoute } from '../emulator/emulator-types.js';
import { NamecheapError } from './namecheap-errors.js';
import { commandOf, type NamecheapParams, paramsOf } from './namecheap-params.js';
import type { NamecheapState } from './namecheap-state.js';
import { envelope, type XmlNode } from './namecheap-xml.js';

export const NAMECHEAP_PATH = '/xml.response';
export const NAMECHEAP_BUCKETS_USED = ['minute', 'hour', 'day'] as const;

/** Headers of every live answer (ASP.NET on IIS). */
export const NAMECHEAP_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/xml; charset=utf-8',
  'cache-control': 'private',
  server: 'Microsoft-IIS/8.5',
  'x-aspnet-version': '4.0.30319',
  'x-powered-by': 'ASP.NET',
};

export interface CommandContext {
  state: NamecheapState;
  params: NamecheapParams;
  req: EmulatorRequest;
}

export interface NamecheapCommand {
  /** Canonical name, as `CommandResponse@Type` spells it (`namecheap.domains.getInfo`). */
  name: string;
  /** Operation name for fault rules and the request log. */
  operation: string;
  /** The operation of one request, when the command plays several roles (see `EmulatorRoute.operationOf`). */
  operationOf?(ctx: CommandContext): string;
  /** Returns the children of `CommandResponse`; throws `NamecheapError` for an API error. */
  run(ctx: CommandContext): XmlNode;
}

export interface EnvelopeSettings {
  server: string;
  gmtTimeDifference: string;
}

/** The XML answer to an API-level error (HTTP 200, `Status="ERROR"`). */
export function errorResponse(
  settings: EnvelopeSettings,
  error: { number: number; text: string },
  command: { requested: string; type: string | null; result?: XmlNode },
  executionTime = '0',
): EmulatorResponse {
  return {
    status: 200,
    headers: { ...NAMECHEAP_HEADERS },
    body: envelope({
      ok: false,
      errors: [error],
      requestedCommand: command.requested,
      commandType: command.type,
      result: command.result,
      ...settings,
      executionTime,
    }),
  };
}

function seconds(startedAt: number): string {
  return ((performance.now() - startedAt) / 1000).toFixed(3);
}

function route(
  method: 'GET' | 'POST',
  command: NamecheapCommand,
  state: NamecheapState,
  settings: EnvelopeSettings,
): EmulatorRoute {
  const key = command.name.toLowerCase();
  return {
    method,
    path: NAMECHEAP_PATH,
    operation: command.operation,
    ...(command.operationOf
      ? {
          operationOf: (req) =>
            command.operationOf?.({ state, params: paramsOf(req), req }) ?? command.operation,
        }
      : {}),
    bucket: NAMECHEAP_BUCKETS_USED,
    match: (req) => commandOf(req) === key,
    handler: (req) => {
      const startedAt = performance.now();
      const requested = commandOf(req) ?? '';
      try {
        const result = command.run({ state, params: paramsOf(req), req });
        return {
          status: 200,
          headers: { ...NAMECHEAP_HEADERS },
          body: envelope({
            ok: true,
            errors: [],
            requestedCommand: requested,
            commandType: command.name,
            result,
            ...settings,
            executionTime: seconds(startedAt),
          }),
        };
      } catch (error) {
        if (!(error instanceof NamecheapError)) throw error;
        return errorResponse(
          settings,
          error,
          { requested, type: command.name, result: error.skeleton },
          seconds(startedAt),
        );
      }
    },
  };
}

/** A GET and a POST route per command. */
export function commandRoutes(
  commands: readonly NamecheapCommand[],
  state: NamecheapState,
  settings: EnvelopeSettings,
): EmulatorRoute[] {
  return commands.flatMap((command) => [
    route('GET', command, state, settings),
    route('POST', command, state, settings),
  ]);
}

/** A `Domain`-style paging block and the rows of one page. */
export function page<T>(
  rows: readonly T[],
  params: NamecheapParams,
  sizes: { min: number; max: number; fallback: number },
): { rows: T[]; paging: XmlNode } {
  const requestedPage = params.int('Page');
  const requestedSize = params.int('PageSize');
  const current = requestedPage === undefined || !(requestedPage >= 1) ? 1 : requestedPage;
  // Out-of-range sizes are clamped (the docs give the range, not the answer).
  const size =
    requestedSize === undefined || Number.isNaN(requestedSize)
      ? sizes.fallback
      : Math.min(sizes.max, Math.max(sizes.min, requestedSize));
  return {
    rows: rows.slice((current - 1) * size, current * size),
    paging: { TotalItems: String(rows.length), CurrentPage: String(current), PageSize: String(size) },
  };
}
