/**
 * Domainr v2 JSONP (docs/providers/domainr.md#v2-hosts-and-credentials): with `callback=<fn>` the
 * answer is `fn(<json>)` and every response is 200 OK, so a browser evaluates it. Server-side
 * adapters must never send `callback`; the emulator reproduces it so that one that does gets what
 * Domainr would send. A callback that is not a JavaScript identifier path is ignored (plain JSON,
 * chosen: the docs are silent).
 */
import {
  EmulatorHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
} from '../emulator/emulator-types.js';

const CALLBACK = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export function jsonpCallback(req: EmulatorRequest): string | null {
  const callback = req.query.callback;
  return callback !== undefined && CALLBACK.test(callback) ? callback : null;
}

/** Wraps a response as JSONP when the request asked for it. */
export function asJsonp(req: EmulatorRequest, response: EmulatorResponse): EmulatorResponse {
  const callback = jsonpCallback(req);
  if (callback === null) return response;
  return {
    status: 200,
    body: `${callback}(${JSON.stringify(response.body ?? {})})`,
    headers: { ...response.headers, 'content-type': 'application/javascript; charset=utf-8' },
  };
}

/** A v2 handler whose answers (including its `{message}` errors) honour `callback`. */
export function withJsonp(
  handler: (req: EmulatorRequest) => EmulatorResponse,
): (req: EmulatorRequest) => EmulatorResponse {
  return (req) => {
    try {
      return asJsonp(req, handler(req));
    } catch (error) {
      if (error instanceof EmulatorHttpError && jsonpCallback(req) !== null) {
        return asJsonp(req, { status: error.status, body: error.body, headers: error.headers });
      }
      throw error;
    }
  };
}
