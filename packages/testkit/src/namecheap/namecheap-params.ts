/**
 * The parameters of a Namecheap request: query string and form body merged (the body wins), names
 * matched case-insensitively, as the API accepts `ApiUser`, `apiuser` and `ClientIP` alike. See
 * docs/providers/namecheap.md#request-format.
 */
import type { EmulatorRequest } from '../emulator/emulator-types.js';

export class NamecheapParams {
  private readonly values = new Map<string, string>();

  constructor(query: Record<string, string>, body: unknown) {
    for (const [key, value] of Object.entries(query)) this.values.set(key.toLowerCase(), value);
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      for (const [key, value] of Object.entries(body as Record<string, unknown>))
        if (typeof value === 'string') this.values.set(key.toLowerCase(), value);
    }
  }

  /** The value, trimmed; undefined when absent or blank. */
  get(name: string): string | undefined {
    const value = this.values.get(name.toLowerCase())?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** The value as sent (not trimmed), '' when absent. */
  raw(name: string): string {
    return this.values.get(name.toLowerCase()) ?? '';
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  /** `yes`/`true`/`True` → true, `no`/`false` → false, anything else (or absent) → the fallback. */
  bool(name: string, fallback: boolean): boolean {
    const value = this.get(name)?.toLowerCase();
    if (value === 'yes' || value === 'true') return true;
    if (value === 'no' || value === 'false') return false;
    return fallback;
  }

  /** A whole number, or undefined when absent; NaN when present but not a whole number. */
  int(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  }

  /** Indices n of the keys `<prefix>{n}` present (e.g. `HostName1`, `HostName2`), ascending. */
  indices(prefixes: readonly string[]): number[] {
    const found = new Set<number>();
    const lowered = prefixes.map((prefix) => prefix.toLowerCase());
    for (const key of this.values.keys()) {
      for (const prefix of lowered) {
        const match = key.startsWith(prefix) ? /^(\d{1,4})$/.exec(key.slice(prefix.length)) : null;
        if (match) found.add(Number(match[1]));
      }
    }
    return [...found].sort((a, b) => a - b);
  }
}

const cache = new WeakMap<EmulatorRequest, NamecheapParams>();

export function paramsOf(req: EmulatorRequest): NamecheapParams {
  let params = cache.get(req);
  if (!params) {
    params = new NamecheapParams(req.query, req.body);
    cache.set(req, params);
  }
  return params;
}

/** The `Command` value lower-cased (commands are case-insensitive), or undefined. */
export function commandOf(req: EmulatorRequest): string | undefined {
  return paramsOf(req).get('Command')?.toLowerCase();
}
