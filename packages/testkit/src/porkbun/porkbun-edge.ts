/**
 * The edge in front of Porkbun's API (openresty) rejects bursts from one client address with an
 * HTML 503 page: no JSON, no Retry-After, none of the API's headers
 * (docs/providers/porkbun.md#rate-limits). Off unless the emulator's `edgeBurst` option is set;
 * the window is multiplied by `timeScale`. Every request the edge sees counts once, whatever its
 * route, before authentication.
 */
import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types.js';
import { SlidingWindow } from '../emulator/sliding-window.js';
import type { LimitSpec } from './porkbun-limits.js';

/** About 2 requests per second per client address. */
export const PORKBUN_EDGE_BURST: Readonly<LimitSpec> = { limit: 2, intervalMs: 1000 };

export const OPENRESTY_503_PAGE =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n' +
  '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>openresty</center>\r\n' +
  '</body>\r\n</html>\r\n';

export class EdgeGate {
  private readonly window: SlidingWindow | null;
  private readonly seen = new WeakMap<EmulatorRequest, boolean>();

  constructor(spec: LimitSpec | null, timeScale: number) {
    this.window = spec === null ? null : new SlidingWindow(spec.limit, spec.intervalMs * timeScale);
  }

  /** The HTML 503 when the burst window is full, else null. Counts a request only once. */
  check(req: EmulatorRequest): EmulatorResponse | null {
    const known = this.seen.get(req);
    if (known === undefined) this.seen.set(req, this.window === null || this.window.take().allowed);
    return this.seen.get(req) === false ? edgeRejection() : null;
  }

  /** True when the edge answered this request (its response carries none of the API's headers). */
  rejected(req: EmulatorRequest): boolean {
    return this.seen.get(req) === false;
  }
}

function edgeRejection(): EmulatorResponse {
  return {
    status: 503,
    body: OPENRESTY_503_PAGE,
    headers: { 'content-type': 'text/html', server: 'openresty' },
  };
}
