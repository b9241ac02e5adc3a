/**
 * DRF `LimitOffsetPagination` (default page size 25, `?limit=&offset=`), as used by every
 * paginated Glauca and HexDNS list: `{ count, next, previous, results }` with absolute URLs.
 */
import type { EmulatorRequest } from '../emulator/emulator-types.js';

export const DEFAULT_PAGE_SIZE = 25;

/** Absolute base URL as DRF builds it from the request's Host header. */
export function origin(req: EmulatorRequest): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

function positiveInt(raw: string | undefined, strict: boolean): number | null {
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  if (strict && n === 0) return null;
  return n;
}

function pageUrl(req: EmulatorRequest, limit: number, offset: number | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) {
    if (key !== 'limit' && key !== 'offset') params.set(key, value);
  }
  params.set('limit', String(limit));
  // DRF drops `offset` from the previous link when it would be 0.
  if (offset !== null) params.set('offset', String(offset));
  return `${origin(req)}${req.path}?${params.toString()}`;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export function paginate<T, R>(req: EmulatorRequest, items: T[], render: (item: T) => R): Page<R> {
  // An invalid or zero limit falls back to the default; an invalid offset to 0 (DRF).
  const limit = positiveInt(req.query.limit, true) ?? DEFAULT_PAGE_SIZE;
  const offset = positiveInt(req.query.offset, false) ?? 0;
  const count = items.length;
  const next = offset + limit < count ? pageUrl(req, limit, offset + limit) : null;
  let previous: string | null = null;
  if (offset > 0)
    previous = offset - limit <= 0 ? pageUrl(req, limit, null) : pageUrl(req, limit, offset - limit);
  return { count, next, previous, results: items.slice(offset, offset + limit).map(render) };
}
