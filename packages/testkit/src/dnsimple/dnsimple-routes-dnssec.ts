/** DNSSEC and delegation signer (DS) records under `/v2/{account}/domains/{domain}`. */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import {
  bodyObject,
  compareValues,
  type DnsimpleContext,
  fail,
  noContent,
  ok,
  paginated,
  requireDomain,
  sortItems,
  validationFailed,
} from './dnsimple-context.js';
import type { FieldErrors } from './dnsimple-record-rules.js';
import { tldInfo } from './dnsimple-routes-tlds.js';
import type { DnsimpleDomain, DnsimpleDsRecord } from './dnsimple-shapes.js';
import { isoTimestamp } from './dnsimple-shapes.js';

const BASE = '/v2/:account/domains/:domain';

const DS_SORTS = {
  id: (a: DnsimpleDsRecord, b: DnsimpleDsRecord) => a.id - b.id,
  created_at: (a: DnsimpleDsRecord, b: DnsimpleDsRecord) => compareValues(a.created_at, b.created_at),
};

/** A DS field as the API stores it: a string (`"13"`), also when sent as a number. */
function dsField(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

export function dnssecRoutes(ctx: DnsimpleContext): EmulatorRoute[] {
  const dsList = (domain: DnsimpleDomain): DnsimpleDsRecord[] => {
    let list = ctx.state.dsRecords.get(domain.name);
    if (!list) {
      list = [];
      ctx.state.dsRecords.set(domain.name, list);
    }
    return list;
  };

  const requireDs = (req: EmulatorRequest): { domain: DnsimpleDomain; ds: DnsimpleDsRecord } => {
    const { domain } = requireDomain(ctx, req);
    const ref = req.params.ds ?? '';
    const ds = dsList(domain).find((r) => String(r.id) === ref);
    // notfound-delegationSignerRecord.http
    if (!ds) fail(404, `Delegation signer record \`${ref}\` not found`);
    return { domain, ds };
  };

  return [
    {
      method: 'GET',
      path: `${BASE}/dnssec`,
      operation: 'getDnssec',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        // Never enabled: the emulator answers `enabled: false` with the domain's timestamps (docs silent).
        return ok(
          domain.dnssec ?? {
            enabled: false,
            active: false,
            created_at: domain.created_at,
            updated_at: domain.updated_at,
          },
        );
      },
    },
    {
      method: 'POST',
      path: `${BASE}/dnssec`,
      operation: 'enableDnssec',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        const now = isoTimestamp(new Date());
        if (!domain.dnssec?.enabled)
          domain.dnssec = { enabled: true, active: true, created_at: now, updated_at: now };
        return ok({ ...domain.dnssec }, 201);
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/dnssec`,
      operation: 'disableDnssec',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        // disableDnssec/not-enabled.http
        if (!domain.dnssec?.enabled) fail(428, 'DNSSEC cannot be disabled because it is not enabled');
        domain.dnssec = null;
        return noContent;
      },
    },
    {
      method: 'GET',
      path: `${BASE}/ds_records`,
      operation: 'getDsRecords',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        return paginated(sortItems(dsList(domain), req.query.sort, DS_SORTS, 'id:asc'), req.query, (r) => r);
      },
    },
    {
      method: 'POST',
      path: `${BASE}/ds_records`,
      operation: 'createDsRecord',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        const body = bodyObject(req);
        const fields = {
          algorithm: dsField(body.algorithm),
          digest: dsField(body.digest),
          digest_type: dsField(body.digest_type),
          keytag: dsField(body.keytag),
          public_key: dsField(body.public_key),
        };
        // digest/digest_type/keytag are required when the TLD takes DS data, public_key when it takes keys.
        const tld = ctx.state.seed.tldOf(domain.name);
        const required =
          tld !== null && tldInfo(tld).dnssec_interface_type === 'key'
            ? (['algorithm', 'public_key'] as const)
            : (['algorithm', 'digest', 'digest_type', 'keytag'] as const);
        const errors: FieldErrors = {};
        for (const field of required) if (fields[field] === null) errors[field] = ["can't be blank"];
        if (Object.keys(errors).length > 0) validationFailed(errors);
        const now = isoTimestamp(new Date());
        const ds: DnsimpleDsRecord = {
          id: ctx.state.dsId(),
          domain_id: domain.id,
          algorithm: fields.algorithm!,
          digest: fields.digest,
          digest_type: fields.digest_type,
          keytag: fields.keytag,
          public_key: fields.public_key,
          created_at: now,
          updated_at: now,
        };
        dsList(domain).push(ds);
        return ok(ds, 201);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/ds_records/:ds`,
      operation: 'getDsRecord',
      bucket: 'hourly',
      handler: (req) => ok(requireDs(req).ds),
    },
    {
      method: 'DELETE',
      path: `${BASE}/ds_records/:ds`,
      operation: 'deleteDsRecord',
      bucket: 'hourly',
      handler: (req) => {
        const { domain, ds } = requireDs(req);
        const list = dsList(domain);
        list.splice(list.indexOf(ds), 1);
        return noContent;
      },
    },
  ];
}
