import { startEmulatorServer } from '../emulator/emulator-server.js';
import {
  type CommonEmulatorOptions,
  EmulatorHttpError,
  type EmulatorRequest,
  type EmulatorRoute,
  type LedgerEntry,
  type RunningEmulator,
} from '../emulator/emulator-types.js';
import { resolveSeed } from '../emulator/seed-data.js';

/**
 * A deliberately small, generic registrar API used to test the conformance suite itself (and as
 * a model for writing an emulator). JSON in and out, `{ error }` bodies, Bearer auth,
 * page-numbered listings with `total_pages`.
 */
export const REFERENCE_API_KEY = 'reference-test-key';

export interface ReferenceDomain {
  id: string;
  name: string;
  expires_at: string;
  auto_renew: boolean;
  whois_privacy: boolean;
  transfer_lock: boolean;
  nameservers: string[];
}

export interface ReferenceRecord {
  id: string;
  type: string;
  name: string;
  content: string;
  ttl: number;
  priority: number | null;
}

export interface ReferenceState {
  domains: ReferenceDomain[];
  records: Map<string, ReferenceRecord[]>;
  nextId: number;
}

export async function startReferenceEmulator(
  options: CommonEmulatorOptions = {},
): Promise<RunningEmulator<ReferenceState>> {
  const seed = resolveSeed(options.seed);
  const state: ReferenceState = { domains: [], records: new Map(), nextId: 1 };
  seed.domainNames.forEach((name, i) => {
    state.domains.push({
      id: `d${i + 1}`,
      name,
      expires_at: seed.domainDates(i).expiresAt.toISOString(),
      auto_renew: false,
      whois_privacy: false,
      transfer_lock: true,
      nameservers: ['ns1.reference.test', 'ns2.reference.test'],
    });
    state.records.set(
      name,
      seed
        .records(name)
        .map((record, j) => ({ id: `r${i + 1}-${j + 1}`, ...record, priority: record.priority ?? null })),
    );
  });
  const ledger: LedgerEntry[] = [];
  const find = (key: string) => {
    const domain = state.domains.find((d) => d.id === key || d.name === key);
    if (!domain) throw new EmulatorHttpError(404, { error: `domain ${key} not found` });
    return domain;
  };
  const body = (req: EmulatorRequest) => (req.body ?? {}) as Record<string, unknown>;
  const routes: EmulatorRoute[] = [
    {
      method: 'GET',
      path: '/domains',
      operation: 'listDomains',
      handler: (req) => {
        const perPage = Math.min(100, Number(req.query.per_page ?? 30));
        const page = Number(req.query.page ?? 1);
        const data = state.domains.slice((page - 1) * perPage, page * perPage);
        return { status: 200, body: { data, total_pages: Math.ceil(state.domains.length / perPage) } };
      },
    },
    {
      method: 'GET',
      path: '/domains/:id',
      operation: 'getDomain',
      handler: (req) => ({ status: 200, body: find(req.params.id!) }),
    },
    {
      method: 'PATCH',
      path: '/domains/:id',
      operation: 'updateDomain',
      handler: (req) => {
        const domain = find(req.params.id!);
        Object.assign(domain, body(req));
        return { status: 200, body: domain };
      },
    },
    {
      method: 'GET',
      path: '/check/:name',
      operation: 'checkAvailability',
      handler: (req) => {
        const name = req.params.name!;
        const answer = seed.availability(name);
        if (answer === 'invalid' || answer === 'unsupported-tld')
          throw new EmulatorHttpError(422, { error: `${name} cannot be registered` });
        return {
          status: 200,
          body: {
            name,
            available: answer === 'available' || answer === 'premium',
            premium: answer === 'premium',
            price: seed.priceOf(name, 'register'),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/prices/:name',
      operation: 'getPrice',
      handler: (req) => {
        const price = seed.priceOf(req.params.name!, (req.query.operation ?? 'register') as 'register');
        if (!price) throw new EmulatorHttpError(422, { error: 'unsupported TLD' });
        return {
          status: 200,
          body: { price, currency: 'USD', premium: seed.availability(req.params.name!) === 'premium' },
        };
      },
    },
    {
      method: 'POST',
      path: '/domains/:id/renew',
      operation: 'renewDomain',
      handler: (req) => {
        const domain = find(req.params.id!);
        const years = Number(body(req).years ?? 1);
        const expires = new Date(domain.expires_at);
        expires.setUTCFullYear(expires.getUTCFullYear() + years);
        domain.expires_at = expires.toISOString();
        const price = (Number(seed.priceOf(domain.name, 'renew')) * years).toFixed(2);
        ledger.push({
          operation: 'renew',
          domain: domain.name,
          amount: price,
          currency: 'USD',
          at: new Date(),
          requestSeq: req.seq ?? 0,
        });
        return { status: 201, body: { domain: domain.name, expires_at: domain.expires_at, price } };
      },
    },
    {
      method: 'GET',
      path: '/domains/:id/records',
      operation: 'listRecords',
      handler: (req) => ({
        status: 200,
        body: { data: state.records.get(find(req.params.id!).name) ?? [], total_pages: 1 },
      }),
    },
    {
      method: 'POST',
      path: '/domains/:id/records',
      operation: 'createRecord',
      handler: (req) => {
        const domain = find(req.params.id!);
        const record = { id: `r${state.nextId++}`, ...(body(req) as Omit<ReferenceRecord, 'id'>) };
        if (record.type === 'CNAME' && record.name === '@')
          throw new EmulatorHttpError(422, { error: 'CNAME at apex' });
        state.records.get(domain.name)?.push(record);
        return { status: 201, body: record };
      },
    },
    {
      method: 'PATCH',
      path: '/domains/:id/records/:rid',
      operation: 'updateRecord',
      handler: (req) => {
        const record = state.records.get(find(req.params.id!).name)?.find((r) => r.id === req.params.rid);
        if (!record) throw new EmulatorHttpError(404, { error: 'record not found' });
        Object.assign(record, body(req));
        return { status: 200, body: record };
      },
    },
    {
      method: 'DELETE',
      path: '/domains/:id/records/:rid',
      operation: 'deleteRecord',
      handler: (req) => {
        const list = state.records.get(find(req.params.id!).name) ?? [];
        const index = list.findIndex((r) => r.id === req.params.rid);
        if (index < 0) throw new EmulatorHttpError(404, { error: 'record not found' });
        list.splice(index, 1);
        return { status: 204 };
      },
    },
  ];
  return startEmulatorServer<ReferenceState>(
    {
      name: 'reference',
      state,
      routes,
      buckets: {},
      ledger,
      authenticate: (req) =>
        req.headers.authorization === `Bearer ${REFERENCE_API_KEY}`
          ? null
          : { status: 401, body: { error: 'invalid API key' } },
      errorBody: (_status, message) => ({ error: message }),
      seedInfo: {
        ownedDomains: seed.domainNames,
        idnDomain: seed.idnDomain,
        availableName: seed.availableName,
        registeredName: seed.registeredName,
        premiumName: seed.premiumName,
        premiumPrice: seed.premiumPrice,
        currency: 'USD',
        tldPrices: seed.tldPrices,
        credentials: { apiKey: REFERENCE_API_KEY },
      },
    },
    options,
  );
}
