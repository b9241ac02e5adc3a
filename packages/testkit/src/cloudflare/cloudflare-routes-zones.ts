/**
 * Zones (list with name filter and page pagination, get, create with assigned nameservers) and the
 * zone-level DNSSEC resource (docs/providers/cloudflare.md#zones, #dnssec).
 */
import { createHash } from 'node:crypto';
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { type CloudflareContext, requireZone } from './cloudflare-context.js';
import { bodyObject, CF, fail, HEX_ID, ok } from './cloudflare-errors.js';
import { pageResponse, sortBy } from './cloudflare-pagination.js';
import type { CloudflareDnssec, CloudflareZone } from './cloudflare-shapes.js';

const ZONE_PAGES = { defaultPerPage: 20, minPerPage: 5, maxPerPage: 50 };
/** The zone name pattern of the official spec. */
const ZONE_NAME = /^([a-zA-Z0-9][-a-zA-Z0-9]*\.)+[-a-zA-Z0-9]{2,20}$/;

/** `name` / `account.name` filter with the spec's operator prefixes (`contains:x`, …); default equal. */
export function textFilter(filter: string): (value: string) => boolean {
  const match =
    /^(not_equal|starts_with|ends_with|contains|starts_with_case_sensitive|ends_with_case_sensitive|contains_case_sensitive|equal):(.*)$/.exec(
      filter,
    );
  const op = match?.[1] ?? 'equal';
  const raw = match?.[2] ?? filter;
  const sensitive = op.endsWith('_case_sensitive');
  const needle = sensitive ? raw : raw.toLowerCase();
  return (value: string) => {
    const v = sensitive ? value : value.toLowerCase();
    if (op.startsWith('starts_with')) return v.startsWith(needle);
    if (op.startsWith('ends_with')) return v.endsWith(needle);
    if (op.startsWith('contains')) return v.includes(needle);
    if (op === 'not_equal') return v !== needle;
    return v === needle;
  };
}

const ZONE_ORDERS: Record<string, (z: CloudflareZone) => string> = {
  name: (z) => z.name,
  status: (z) => z.status,
  'account.id': (z) => z.account.id,
  'account.name': (z) => z.account.name,
};

/** The DNSSEC object: key material derived from the zone name while DNSSEC is on, nulls while off. */
export function dnssecView(zone: CloudflareZone, dnssec: CloudflareDnssec): Record<string, unknown> {
  const off = dnssec.status === 'disabled';
  const digest = createHash('sha256').update(`ds:${zone.name}`).digest('hex').toUpperCase();
  const keyTag = Number.parseInt(digest.slice(0, 4), 16);
  const publicKey = createHash('sha512').update(`key:${zone.name}`).digest('base64');
  return {
    status: dnssec.status,
    algorithm: off ? null : '13',
    digest: off ? null : digest,
    digest_algorithm: off ? null : 'SHA256',
    digest_type: off ? null : '2',
    flags: off ? null : 257,
    key_tag: off ? null : keyTag,
    key_type: off ? null : 'ECDSAP256SHA256',
    public_key: off ? null : publicKey,
    ds: off ? null : `${zone.name}. 3600 IN DS ${keyTag} 13 2 ${digest}`,
    modified_on: dnssec.modified_on,
    dnssec_multi_signer: dnssec.dnssec_multi_signer,
    dnssec_presigned: dnssec.dnssec_presigned,
    dnssec_use_nsec3: dnssec.dnssec_use_nsec3,
  };
}

const SETTLES_TO: Partial<Record<CloudflareDnssec['status'], CloudflareDnssec['status']>> = {
  pending: 'active',
  'pending-disabled': 'disabled',
};

export function zoneRoutes(ctx: CloudflareContext): EmulatorRoute[] {
  const { state } = ctx;
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    {
      method: 'GET',
      path: '/zones',
      operation: 'listZones',
      bucket: 'client',
      handler: (req) => {
        const q = req.query;
        const tests: ((z: CloudflareZone) => boolean)[] = [];
        if (q.name !== undefined) {
          const t = textFilter(q.name);
          tests.push((z) => t(z.name));
        }
        if (q.status !== undefined) tests.push((z) => z.status === q.status);
        if (q['account.id'] !== undefined) tests.push((z) => z.account.id === q['account.id']);
        if (q['account.name'] !== undefined) {
          const t = textFilter(q['account.name']);
          tests.push((z) => t(z.account.name));
        }
        if (q.type !== undefined) {
          const types = q.type.split(',');
          tests.push((z) => types.includes(z.type));
        }
        const any = q.match === 'any';
        let zones = [...state.zones.values()].filter((z) =>
          tests.length === 0 ? true : any ? tests.some((t) => t(z)) : tests.every((t) => t(z)),
        );
        zones = sortBy(zones, ZONE_ORDERS[q.order ?? 'name'] ?? ZONE_ORDERS.name!, q.direction);
        return pageResponse(zones, q, ZONE_PAGES);
      },
    },
    {
      method: 'POST',
      path: '/zones',
      operation: 'createZone',
      bucket: 'client',
      handler: (req) => {
        const body = bodyObject(req.body);
        const name = typeof body.name === 'string' ? body.name.trim().toLowerCase().replace(/\.$/, '') : '';
        if (!ZONE_NAME.test(name) || name.length > 253) fail(400, CF.generic, 'Invalid zone name', '/name');
        const accountId = bodyObject(body.account).id;
        if (typeof accountId !== 'string' || !HEX_ID.test(accountId)) {
          fail(400, CF.generic, 'account.id is required', '/account/id');
        }
        if (!state.account(accountId)) fail(403, CF.generic, 'Authentication error');
        const type = body.type ?? 'full';
        if (type !== 'full' && type !== 'partial' && type !== 'secondary') {
          fail(400, CF.generic, 'Invalid zone type', '/type');
        }
        // A domain registered at Cloudflare already uses Cloudflare's nameservers: active at once.
        const registered = state.registrations.get(accountId)?.has(name) ?? false;
        const zone = state.addZone(accountId, name, {
          status: registered ? 'active' : 'pending',
          createdAt: new Date(),
          type,
        });
        return ok(zone);
      },
    },
    {
      method: 'GET',
      path: '/zones/:zone_id',
      operation: 'getZone',
      bucket: 'client',
      handler: (req) => ok(requireZone(ctx, req)),
    },
    {
      method: 'GET',
      path: '/zones/:zone_id/dnssec',
      operation: 'getDsRecords',
      bucket: 'client',
      handler: (req) => {
        const zone = requireZone(ctx, req);
        const dnssec = state.dnssec.get(zone.id)!;
        // The parent publishes (or withdraws) the DS between two reads: a pending state settles after
        // it was read once.
        const settled = SETTLES_TO[dnssec.status];
        if (settled) state.dnssec.set(zone.id, { ...dnssec, status: settled, modified_on: now() });
        return ok(dnssecView(zone, dnssec));
      },
    },
    {
      method: 'PATCH',
      path: '/zones/:zone_id/dnssec',
      operation: 'updateDnssec',
      bucket: 'client',
      handler: (req) => {
        const zone = requireZone(ctx, req);
        const body = bodyObject(req.body);
        const current = state.dnssec.get(zone.id)!;
        const next: CloudflareDnssec = { ...current };
        for (const key of ['dnssec_multi_signer', 'dnssec_presigned', 'dnssec_use_nsec3'] as const) {
          if (body[key] === undefined) continue;
          if (typeof body[key] !== 'boolean') fail(400, CF.generic, `${key} must be a boolean`, `/${key}`);
          next[key] = body[key];
        }
        if (body.status !== undefined) {
          if (body.status !== 'active' && body.status !== 'disabled') {
            fail(400, CF.generic, 'status must be active or disabled', '/status');
          }
          const on = current.status === 'active' || current.status === 'pending';
          if (body.status === 'active' && !on) next.status = 'pending';
          if (body.status === 'disabled' && on)
            next.status = current.status === 'pending' ? 'disabled' : 'pending-disabled';
        }
        next.modified_on = now();
        state.dnssec.set(zone.id, next);
        return ok(dnssecView(zone, next));
      },
    },
    {
      method: 'DELETE',
      path: '/zones/:zone_id/dnssec',
      operation: 'deleteDnssec',
      bucket: 'client',
      handler: (req) => {
        const zone = requireZone(ctx, req);
        state.dnssec.set(zone.id, { ...state.dnssec.get(zone.id)!, status: 'disabled', modified_on: now() });
        return ok('');
      },
    },
  ];
}
