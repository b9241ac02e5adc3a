/**
 * Porkbun's `Idempotency-Key` on POST (docs/providers/porkbun.md#idempotency): the first answer is
 * kept for 24 h (scaled by `timeScale`); the same key with the same request replays it with
 * `Idempotent-Replayed: true` (nothing runs again, nothing is charged again); the same key with a
 * different request is 409 `IDEMPOTENCY_KEY_MISMATCH`; while the first is still running, 409
 * `IDEMPOTENCY_KEY_IN_USE`. Choices where the docs are silent: the request compared is the method,
 * the path and the parsed JSON body without the credentials (whitespace and key order do not
 * matter); 429 and 5xx answers are not kept, so a retry with the same key runs again.
 */
import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types.js';
import { PorkbunError } from './porkbun-errors.js';
import { bodyOf } from './porkbun-request.js';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

interface Entry {
  fingerprint: string;
  storedAt: number;
  response: EmulatorResponse | null;
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprint(req: EmulatorRequest): string {
  const { apikey: _k, secretapikey: _s, ...rest } = bodyOf(req);
  return `${req.method} ${req.path} ${canonical(rest)}`;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  /** How many keys are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Runs `handler` under the request's `Idempotency-Key`, or replays the kept answer. */
  async run(req: EmulatorRequest, handler: () => Promise<EmulatorResponse>): Promise<EmulatorResponse> {
    const raw = req.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (req.method !== 'POST' || key === undefined) return handler();
    if (key === '' || key.length > IDEMPOTENCY_KEY_MAX_LENGTH)
      throw new PorkbunError(
        'INVALID_INPUT',
        'Idempotency-Key must be a non-empty string of at most 255 characters.',
      );
    const now = Date.now();
    for (const [k, entry] of this.entries) if (entry.storedAt + this.ttlMs <= now) this.entries.delete(k);

    const print = fingerprint(req);
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.fingerprint !== print) throw new PorkbunError('IDEMPOTENCY_KEY_MISMATCH');
      if (existing.response === null) throw new PorkbunError('IDEMPOTENCY_KEY_IN_USE');
      return {
        ...existing.response,
        headers: { ...existing.response.headers, 'idempotent-replayed': 'true' },
      };
    }
    const entry: Entry = { fingerprint: print, storedAt: now, response: null };
    this.entries.set(key, entry);
    try {
      const response = await handler();
      if (response.status === 429 || response.status >= 500) this.entries.delete(key);
      else entry.response = response;
      return response;
    } catch (error) {
      this.entries.delete(key);
      throw error;
    }
  }
}
