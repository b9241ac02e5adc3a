/**
 * The two pagination styles of the API (docs/providers/cloudflare.md#pagination): page numbers
 * with `result_info {page, per_page, count, total_count, total_pages}` (zones, DNS records, accounts)
 * and opaque cursors with `result_info {count, cursor, per_page}` where `cursor: ""` ends the list
 * (Registrar registrations and extensions).
 */
import type { EmulatorResponse } from '../emulator/emulator-types.js';
import { CF, fail, ok } from './cloudflare-errors.js';

export interface PageLimits {
  defaultPerPage: number;
  minPerPage: number;
  maxPerPage: number;
}

function intOf(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/**
 * Choices where the docs are silent: a `per_page` outside the documented range is clamped into it,
 * a missing or invalid `page` is 1, and a page past the end is empty.
 */
export function pagePaginate<T>(
  items: readonly T[],
  query: Record<string, string>,
  limits: PageLimits,
): { items: T[]; result_info: Record<string, number> } {
  const page = Math.max(1, intOf(query.page) ?? 1);
  const asked = intOf(query.per_page) ?? limits.defaultPerPage;
  const perPage = Math.min(limits.maxPerPage, Math.max(limits.minPerPage, asked));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return {
    items: slice,
    result_info: {
      page,
      per_page: perPage,
      count: slice.length,
      total_count: items.length,
      total_pages: Math.ceil(items.length / perPage),
    },
  };
}

/** A page-numbered list answer: the page's items with its `result_info`. */
export function pageResponse<T>(
  items: readonly T[],
  query: Record<string, string>,
  limits: PageLimits,
): EmulatorResponse {
  const page = pagePaginate(items, query, limits);
  return ok(page.items, { result_info: page.result_info });
}

interface CursorState {
  /** Offset of the next item. */
  o: number;
}

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64');
}

function decodeCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as CursorState;
    if (Number.isInteger(state.o) && state.o >= 0 && encodeCursor(state) === cursor) return state;
  } catch {
    // fall through
  }
  fail(400, CF.generic, 'Invalid pagination cursor');
}

/** Cursor pages over an already sorted list; `per_page` 1–50 (clamped), default 20. */
export function cursorPaginate<T>(
  items: readonly T[],
  query: Record<string, string>,
  limits: PageLimits,
): { items: T[]; result_info: { count: number; cursor: string; per_page: number } } {
  const asked = intOf(query.per_page) ?? limits.defaultPerPage;
  const perPage = Math.min(limits.maxPerPage, Math.max(limits.minPerPage, asked));
  const cursor = query.cursor;
  if (cursor !== undefined && cursor.length > 256) fail(400, CF.generic, 'Invalid pagination cursor');
  const start = cursor === undefined || cursor === '' ? 0 : decodeCursor(cursor).o;
  const slice = items.slice(start, start + perPage);
  const next = start + perPage < items.length ? encodeCursor({ o: start + perPage }) : '';
  return { items: slice, result_info: { count: slice.length, cursor: next, per_page: perPage } };
}

/** Sorts a copy by a key; `direction=desc` reverses. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string | number, direction?: string): T[] {
  const sorted = [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return direction === 'desc' ? sorted.reverse() : sorted;
}
