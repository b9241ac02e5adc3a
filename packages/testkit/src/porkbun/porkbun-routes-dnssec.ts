/**
 * DS data at the registry (docs/providers/porkbun.md#dnssec): `getDnssecRecords` answers an object
 * keyed by key tag with string values (`[]` when empty, as observed), `createDnssecRecord` adds one
 * record per call (a record with a key tag already present replaces it, since the answer can hold
 * one per key tag), `deleteDnssecRecord/{keytag}` removes that key tag (an unknown key tag is a
 * no-op success). Optional key-data fields are accepted and dropped, as for a registry that takes
 * DS data only.
 */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { accountDomain, defineRoutes, ok, type PorkbunContext } from './porkbun-context.js';
import { PorkbunError } from './porkbun-errors.js';
import { bodyOf, type JsonBody, requiredString } from './porkbun-request.js';
import { dnssecRecordsJson } from './porkbun-shapes.js';
import type { PorkbunDsRecord } from './porkbun-state.js';

function numberField(body: JsonBody, name: string, max: number): string {
  const value = requiredString(body, name).trim();
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new PorkbunError('INVALID_INPUT', `Invalid ${name}: ${value}.`);
  return String(Number(value));
}

function dsFromBody(body: JsonBody): PorkbunDsRecord {
  const digest = requiredString(body, 'digest').trim();
  if (!/^[0-9a-fA-F]+$/.test(digest)) throw new PorkbunError('INVALID_INPUT', 'digest must be hexadecimal.');
  return {
    keyTag: numberField(body, 'keyTag', 65_535),
    alg: numberField(body, 'alg', 255),
    digestType: numberField(body, 'digestType', 255),
    digest: digest.toUpperCase(),
  };
}

export function dnssecRoutes(ctx: PorkbunContext): EmulatorRoute[] {
  return defineRoutes(ctx, [
    {
      methods: 'both',
      paths: ['/dns/getDnssecRecords/:domain'],
      operation: 'getDsRecords',
      handler: (req) => ok({ records: dnssecRecordsJson(accountDomain(ctx, req).ds, ctx.settings.shapes) }),
    },
    {
      methods: 'POST',
      paths: ['/dns/createDnssecRecord/:domain'],
      operation: 'setDsRecords',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const ds = dsFromBody(bodyOf(req));
        domain.ds.set(ds.keyTag, ds);
        return ok();
      },
    },
    {
      methods: 'POST',
      paths: ['/dns/deleteDnssecRecord/:domain/:keytag'],
      operation: 'setDsRecords',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        domain.ds.delete(String(Number(req.params.keytag ?? '')));
        return ok();
      },
    },
  ]);
}
