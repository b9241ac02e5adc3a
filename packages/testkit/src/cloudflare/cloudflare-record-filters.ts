/**
 * Filters and ordering of `GET /zones/{zone_id}/dns_records` (docs/providers/cloudflare.md#list):
 * name/content/comment predicates (`.exact`, `.contains`, `.startswith`, `.endswith`, all
 * case-insensitive), comment and tag presence, `proxied`, `search`, combined with `match` (all/any)
 * while tag filters combine with `tag_match`. Repeated keys OR-ed with `match=any` is the supported
 * way to ask for several names; the undocumented `name=contains:x` forms were removed in 2025, so
 * such a value is just a literal name here.
 */
import type { CloudflareRecord } from './cloudflare-shapes.js';

type Predicate = (r: CloudflareRecord) => boolean;

const TEXT_OPS: Record<string, (value: string, needle: string) => boolean> = {
  exact: (v, n) => v === n,
  contains: (v, n) => v.includes(n),
  startswith: (v, n) => v.startsWith(n),
  endswith: (v, n) => v.endsWith(n),
};

function textPredicates(
  field: string,
  get: (r: CloudflareRecord) => string | undefined,
  all: Record<string, string[]>,
): Predicate[] {
  const out: Predicate[] = [];
  const add = (op: string, values: string[] | undefined) => {
    for (const raw of values ?? []) {
      const needle = raw.toLowerCase();
      const test = TEXT_OPS[op]!;
      out.push((r) => {
        const value = get(r);
        return value !== undefined && test(value.toLowerCase(), needle);
      });
    }
  };
  add('exact', all[field]);
  for (const op of Object.keys(TEXT_OPS)) add(op, all[`${field}.${op}`]);
  return out;
}

function tagParts(tag: string): [string, string | null] {
  const i = tag.indexOf(':');
  return i < 0 ? [tag.toLowerCase(), null] : [tag.slice(0, i).toLowerCase(), tag.slice(i + 1).toLowerCase()];
}

function tagValues(r: CloudflareRecord, name: string): string[] {
  return r.tags
    .map(tagParts)
    .filter(([n]) => n === name)
    .map(([, v]) => v ?? '');
}

function tagPredicates(all: Record<string, string[]>): Predicate[] {
  const out: Predicate[] = [];
  for (const raw of all.tag ?? []) {
    const [name, value] = tagParts(raw);
    out.push(
      value === null ? (r) => tagValues(r, name).length > 0 : (r) => tagValues(r, name).includes(value),
    );
  }
  for (const name of all['tag.present'] ?? []) out.push((r) => tagValues(r, name.toLowerCase()).length > 0);
  for (const name of all['tag.absent'] ?? []) out.push((r) => tagValues(r, name.toLowerCase()).length === 0);
  for (const [op, test] of Object.entries(TEXT_OPS)) {
    for (const raw of all[`tag.${op}`] ?? []) {
      const [name, needle] = tagParts(raw);
      out.push((r) => tagValues(r, name).some((v) => test(v, needle ?? '')));
    }
  }
  return out;
}

function combine(predicates: Predicate[], any: boolean): Predicate | null {
  if (predicates.length === 0) return null;
  return any ? (r) => predicates.some((p) => p(r)) : (r) => predicates.every((p) => p(r));
}

/** The records matching the query (`all` holds every value of repeated keys). */
export function filterRecords(
  records: readonly CloudflareRecord[],
  query: Record<string, string>,
  all: Record<string, string[]>,
): CloudflareRecord[] {
  const predicates: Predicate[] = [];
  for (const type of all.type ?? []) predicates.push((r) => r.type === type.toUpperCase());
  predicates.push(...textPredicates('name', (r) => r.name, all));
  predicates.push(...textPredicates('content', (r) => r.content, all));
  predicates.push(...textPredicates('comment', (r) => r.comment, all));
  if (query['comment.present'] !== undefined) predicates.push((r) => r.comment !== undefined);
  if (query['comment.absent'] !== undefined) predicates.push((r) => r.comment === undefined);
  if (query.proxied === 'true' || query.proxied === 'false') {
    const want = query.proxied === 'true';
    predicates.push((r) => r.proxied === want);
  }
  if (query.search !== undefined) {
    const needle = query.search.toLowerCase();
    predicates.push((r) =>
      [r.name, r.content, r.comment ?? ''].some((v) => v.toLowerCase().includes(needle)),
    );
  }
  const tags = combine(tagPredicates(all), query.tag_match === 'any');
  if (tags) predicates.push(tags);
  const test = combine(predicates, query.match === 'any');
  return test ? records.filter(test) : [...records];
}

const ORDERS: Record<string, (r: CloudflareRecord) => string | number> = {
  type: (r) => r.type,
  name: (r) => r.name,
  content: (r) => r.content,
  ttl: (r) => r.ttl,
  proxied: (r) => (r.proxied ? 1 : 0),
};

/** Sorted by `order` (default `type`), ties kept in creation order; `direction=desc` reverses. */
export function orderRecords(
  records: readonly CloudflareRecord[],
  query: Record<string, string>,
): CloudflareRecord[] {
  const key = ORDERS[query.order ?? 'type'] ?? ORDERS.type!;
  const sorted = records
    .map((r, i) => ({ r, i, k: key(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.r);
  return query.direction === 'desc' ? sorted.reverse() : sorted;
}
