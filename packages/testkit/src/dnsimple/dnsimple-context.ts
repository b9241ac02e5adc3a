/**
 * What every DNSimple route module shares: credentials and the account in the path, the error body
 * `{message, errors?}`, pagination, sorting and ledger charges.
 */
import type { EmulatorRequest, EmulatorResponse, LedgerEntry } from '../emulator/emulator-types.js';
import { EmulatorHttpError } from '../emulator/emulator-types.js';
import type { TransferRegistry } from '../emulator/transfer-registry.js';
import type { FieldErrors } from './dnsimple-record-rules.js';
import type { DnsimpleDomain } from './dnsimple-shapes.js';
import type { DnsimpleState } from './dnsimple-state.js';

export const DNSIMPLE_CURRENCY = 'USD';

export interface DnsimpleContext {
  state: DnsimpleState;
  ledger: LedgerEntry[];
  /** Account token: reaches `accountId` only. */
  token: string;
  /** User token (optional): reaches every account of `state.accounts`. */
  userToken: string | undefined;
  accountId: number;
  /** Shared registry for transfers between emulators (option `registry`), or undefined. */
  registry: TransferRegistry | undefined;
}

/** The id this emulator uses as a registrar in a shared `TransferRegistry`. */
export const DNSIMPLE_REGISTRAR_ID = 'dnsimple';

export type Principal = { kind: 'account'; accountIds: number[] } | { kind: 'user'; accountIds: number[] };

/** The DNSimple error body: `{message}` plus `errors` when given. */
export function errorBody(
  message: string,
  errors?: FieldErrors | Record<string, unknown>,
): Record<string, unknown> {
  return errors === undefined ? { message } : { message, errors };
}

export function fail(status: number, message: string, errors?: FieldErrors | Record<string, unknown>): never {
  throw new EmulatorHttpError(status, errorBody(message, errors));
}

export function validationFailed(errors: FieldErrors): never {
  fail(400, 'Validation failed', errors);
}

export function ok(data: unknown, status = 200): EmulatorResponse {
  return { status, body: { data } };
}

export const noContent: EmulatorResponse = { status: 204 };

/** Who the `Authorization: Bearer` header identifies, or null (HTTP Basic is not emulated). */
export function principalOf(ctx: DnsimpleContext, req: EmulatorRequest): Principal | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1];
  if (token === undefined) return null;
  if (token === ctx.token) return { kind: 'account', accountIds: [ctx.accountId] };
  if (ctx.userToken !== undefined && token === ctx.userToken) {
    return { kind: 'user', accountIds: ctx.state.accounts.map((a) => a.id) };
  }
  return null;
}

/**
 * The `{account}` of the path, checked against the credentials. The docs say 404 covers resources
 * "not visible to this token"; the emulator answers an account the token cannot reach the same way.
 */
export function requireAccount(ctx: DnsimpleContext, req: EmulatorRequest): number {
  const raw = req.params.account ?? '';
  const who = principalOf(ctx, req);
  const id = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!who?.accountIds.includes(id)) fail(404, `Account \`${raw}\` not found`);
  return id;
}

/** The `{domain}` of the path (name or id) in the account; 404 `Domain \`x\` not found` as in the fixture. */
export function requireDomain(
  ctx: DnsimpleContext,
  req: EmulatorRequest,
): { accountId: number; domain: DnsimpleDomain } {
  const accountId = requireAccount(ctx, req);
  const ref = req.params.domain ?? '';
  const domain = ctx.state.findDomain(accountId, ref);
  if (!domain) fail(404, `Domain \`${ref}\` not found`);
  return { accountId, domain };
}

/** 402 while the account has unpaid invoices (spec's example message). */
export function requireGoodStanding(ctx: DnsimpleContext): void {
  if (ctx.state.outstandingInvoices) {
    fail(
      402,
      'This action cannot be completed because you have purchase invoices that need to be paid for: 12345-1010. Please retry the payment following these instructions https://support.dnsimple.com/articles/account-invoice-history/#retrying.',
    );
  }
}

export function bodyObject(req: EmulatorRequest): Record<string, unknown> {
  const body = req.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface Pagination {
  current_page: number;
  per_page: number;
  total_entries: number;
  total_pages: number;
}

/**
 * `page` (1-based, default 1) and `per_page` (default 30, max 100). Choices where the docs are
 * silent: a `per_page` above 100 is clamped to 100; a missing, non-numeric or < 1 value falls back to
 * the default; a page past the end is an empty `data`; zero entries give `total_pages: 0`.
 */
export function paginate<T>(
  items: readonly T[],
  query: Record<string, string>,
): { data: T[]; pagination: Pagination } {
  const page = positiveInt(query.page) ?? 1;
  const perPage = Math.min(positiveInt(query.per_page) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const start = (page - 1) * perPage;
  return {
    data: items.slice(start, start + perPage),
    pagination: {
      current_page: page,
      per_page: perPage,
      total_entries: items.length,
      total_pages: Math.ceil(items.length / perPage),
    },
  };
}

export function paginated<T>(
  items: readonly T[],
  query: Record<string, string>,
  render: (item: T) => unknown,
): EmulatorResponse {
  const { data, pagination } = paginate(items, query);
  return { status: 200, body: { data: data.map(render), pagination } };
}

function positiveInt(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

export type Comparator<T> = (a: T, b: T) => number;

export function compareValues(a: string | number | null, b: string | number | null): number {
  // Nulls (e.g. hosted domains without expiration) sort last.
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * `sort=field:dir[,field:dir…]` (first key wins). An unknown field or direction is a 400 (the docs
 * list the allowed fields per endpoint but not the error; the message is the emulator's choice).
 */
export function sortItems<T>(
  items: readonly T[],
  sort: string | undefined,
  fields: Record<string, Comparator<T>>,
  defaultSort: string,
): T[] {
  const keys = (sort === undefined || sort.trim() === '' ? defaultSort : sort).split(',').map((part) => {
    const [field = '', dir = 'asc'] = part.trim().split(':');
    const comparator = fields[field];
    if (!comparator || (dir !== 'asc' && dir !== 'desc'))
      fail(400, `Invalid sorting policy \`${part.trim()}\``);
    return { comparator, sign: dir === 'desc' ? -1 : 1 };
  });
  const policy = sort === undefined || sort.trim() === '' ? defaultSort : sort;
  const cacheable = policy
    .split(',')
    .every((part) => STABLE_SORT_FIELDS.has(part.trim().split(':')[0] ?? ''));
  const cached = cacheable ? lastSort.get(fields) : undefined;
  if (cached && cached.policy === policy && sameItems(cached.items, items)) return cached.result as T[];
  const result = [...items].sort((a, b) => {
    for (const { comparator, sign } of keys) {
      const c = comparator(a, b);
      if (c !== 0) return c * sign;
    }
    return 0;
  });
  // A copy: callers may pass an array they later change in place (a zone's records).
  if (cacheable) lastSort.set(fields, { policy, items: [...items], result });
  return result;
}

/**
 * Sorting 10,000 domains for every page made a paginated listing CPU-bound in the emulator (it
 * showed in the benchmarks), so the last sort by fields that never change (name, id) is reused
 * while the same items come in the same order.
 */
const STABLE_SORT_FIELDS = new Set(['name', 'id']);
const lastSort = new WeakMap<object, { policy: string; items: readonly unknown[]; result: unknown[] }>();

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Records a charge in the ledger; the server stamps `requestSeq` when the request has none. */
export function charge(
  ctx: DnsimpleContext,
  req: EmulatorRequest,
  operation: LedgerEntry['operation'],
  domain: string,
  amount: string,
): void {
  ctx.ledger.push({
    operation,
    domain,
    amount,
    currency: DNSIMPLE_CURRENCY,
    at: new Date(),
    requestSeq: req.seq ?? 0,
  });
}

/** Money as the API sends it: a JSON number in USD (`20.0`). */
export function money(amount: string): number {
  return Number(amount);
}
