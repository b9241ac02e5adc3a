/**
 * Every official DNSimple fixture an implemented method can receive, replayed with nock through that
 * method: the exact request (method, path, query, auth, body) and the exact model or error class.
 */
import {
  AuthenticationError,
  DnsRecordSchema,
  DomainSchema,
  NotFoundError,
  PriceQuoteSchema,
  ProviderError,
  RateLimitError,
  ResponseFormatError,
  TransferSchema,
  toArray,
  ValidationError,
} from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDnsimple } from './index.js';
import {
  FIXTURES_AVAILABLE,
  FIXTURES_MISSING_MESSAGE,
  fixtureJson,
  loadFixture,
  replay,
} from './test/dnsimple-fixtures.js';

const BASE = 'https://api.dnsimple.com';
const TOKEN = 'dnsimple-fixture-token-7f3a9c';
const ACC = '/v2/1010';
const REG = `${ACC}/registrar/domains`;

function dnsimple(extra: Parameters<typeof createDnsimple>[0] = {}) {
  return createDnsimple({ token: TOKEN, accountId: 1010, retry: false, rateLimit: false, ...extra });
}

/** Every request must carry exactly these headers. */
function api(withBody = false) {
  return nock(BASE, {
    reqheaders: {
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/json',
      'user-agent': /^registrar-kit\//,
      ...(withBody ? { 'content-type': 'application/json' } : {}),
    },
  });
}

function data(path: string): unknown {
  return (fixtureJson(path) as { data: unknown }).data;
}

const d = (text: string) => new Date(text);

/**
 * Contract v2: registrations and transfers read the TLD's extended attributes first
 * (GET /v2/tlds/{tld}/extended_attributes) to check them before anything is charged; here, none.
 */
function noExtendedAttributes(tld: string, times = 1) {
  api().get(`/v2/tlds/${tld}/extended_attributes`).times(times).reply(200, { data: [] });
}

/** Replays the getDomain fixture for example-alpha.com, with its transfer lock and delegation. */
function getAlpha(key = 'example-alpha.com', delegation = 'getDomainDelegation/success.http') {
  replay(api().get(`${ACC}/domains/${key}`), 'getDomain/success.http');
  replay(api().get(`${REG}/example-alpha.com/transfer_lock`), 'getDomainTransferLock/success.http');
  replay(api().get(`${REG}/example-alpha.com/delegation`), delegation);
}

const ALPHA = () => ({
  provider: 'dnsimple',
  id: '181984',
  name: 'example-alpha.com',
  unicodeName: 'example-alpha.com',
  status: 'active',
  providerStatus: ['registered'],
  owner: '1385',
  createdAt: d('2020-06-04T19:15:14Z'),
  expiresAt: d('2021-06-05T02:15:00Z'),
  updatedAt: d('2020-06-04T19:15:21Z'),
  autoRenew: false,
  whoisPrivacy: false,
  transferLock: true,
  nameservers: ['ns1.dnsimple.com', 'ns2.dnsimple.com', 'ns3.dnsimple.com', 'ns4.dnsimple.com'],
  dsRecords: null,
  raw: data('getDomain/success.http'),
});

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every expected request was sent').toEqual([]);
});

describe.skipIf(!FIXTURES_AVAILABLE)(
  `DNSimple fixtures${FIXTURES_AVAILABLE ? '' : ` (skipped: ${FIXTURES_MISSING_MESSAGE})`}`,
  () => {
    describe('account discovery', () => {
      it('whoami/success.http and success-account.http: an account token gives the account id', async () => {
        for (const file of ['whoami/success.http', 'whoami/success-account.http']) {
          replay(api().get('/v2/whoami'), file);
          replay(api().get('/v2/1/domains/181984'), 'getDomain/success.http');
          replay(
            api().get('/v2/1/registrar/domains/example-alpha.com/transfer_lock'),
            'getDomainTransferLock/success.http',
          );
          replay(
            api().get('/v2/1/registrar/domains/example-alpha.com/delegation'),
            'getDomainDelegation/success.http',
          );
          const registrar = dnsimple({ accountId: undefined });
          expect(await registrar.getDomain('181984')).toEqual(ALPHA());
          nock.cleanAll();
        }
      });

      it('discovers the account once, also for concurrent calls', async () => {
        replay(api().get('/v2/whoami'), 'whoami/success.http');
        replay(api().get('/v2/1/registrar/domains/ruby.codes/check'), 'checkDomain/success.http');
        replay(api().get('/v2/1/registrar/domains/ruby.codes/prices'), 'getDomainPrices/success.http');
        replay(api().get('/v2/1/registrar/domains/bingo.pizza/prices'), 'getDomainPrices/success.http');
        const registrar = dnsimple({ accountId: undefined });
        const [a, b] = await Promise.all([
          registrar.checkAvailability('ruby.codes'),
          registrar.getPrice('bingo.pizza'),
        ]);
        expect(a.available).toBe(true);
        expect(b.price.amount).toBe('20.00');
      });

      it('whoami/success-user.http + listAccounts/success-account.http: a user token with one account uses it', async () => {
        replay(api().get('/v2/whoami'), 'whoami/success-user.http');
        replay(api().get('/v2/accounts'), 'listAccounts/success-account.http');
        replay(api().get('/v2/123/domains/example-alpha.com'), 'notfound-domain.http');
        const error = await dnsimple({ accountId: undefined })
          .getDomain('example-alpha.com')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
      });

      it('response.http (user and account null) falls back to /accounts', async () => {
        replay(api().get('/v2/whoami'), 'response.http');
        replay(api().get('/v2/accounts'), 'listAccounts/success-account.http');
        replay(api().get('/v2/123/domains/example-alpha.com'), 'notfound-domain.http');
        expect(
          await dnsimple({ accountId: undefined })
            .getDomain('example-alpha.com')
            .catch((e: unknown) => e),
        ).toBeInstanceOf(NotFoundError);
      });

      it('listAccounts/success-user.http: several accounts → a ValidationError asking for accountId', async () => {
        replay(api().get('/v2/whoami'), 'whoami/success-user.http');
        replay(api().get('/v2/accounts'), 'listAccounts/success-user.http');
        const error = await dnsimple({ accountId: undefined })
          .getDomain('example-alpha.com')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).toMatch(/2 accounts \(123, 456\).*`accountId`.*DNSIMPLE_ACCOUNT_ID/);
      });
    });

    describe('domains', () => {
      it('listDomains/success.http: one page, per_page 100, mapped domains', async () => {
        replay(api().get(`${ACC}/domains`).query({ page: '1', per_page: '100' }), 'listDomains/success.http');
        const domains = await toArray(dnsimple().listDomains());
        const raw = data('listDomains/success.http') as unknown[];
        expect(domains).toEqual([
          {
            ...ALPHA(),
            transferLock: null,
            nameservers: null,
            raw: raw[0],
          },
          {
            provider: 'dnsimple',
            id: '181985',
            name: 'example-beta.com',
            unicodeName: 'example-beta.com',
            status: 'hosted',
            providerStatus: ['hosted'],
            owner: '1385',
            createdAt: d('2020-06-04T19:47:05Z'),
            expiresAt: null,
            updatedAt: d('2020-06-04T19:47:05Z'),
            autoRenew: false,
            whoisPrivacy: false,
            transferLock: null,
            nameservers: null,
            dsRecords: null,
            raw: raw[1],
          },
        ]);
        for (const domain of domains) DomainSchema.parse(domain);
      });

      it('listDomains passes filters and sort through', async () => {
        replay(
          api().get(`${ACC}/domains`).query({
            page: '1',
            per_page: '30',
            name_like: 'alpha',
            registrant_id: '2715',
            sort: 'expiration:asc,id:desc',
          }),
          'listDomains/success.http',
        );
        const domains = await toArray(
          dnsimple().listDomains({
            pageSize: 30,
            nameLike: 'alpha',
            registrantId: 2715,
            sort: 'expiration:asc,id:desc',
          }),
        );
        expect(domains).toHaveLength(2);
      });

      it('pages-1of3/2of3/3of3.http: pages after the first are fetched concurrently and yielded in order', async () => {
        // The page fixtures hold `{id}` items only; their pagination and headers are replayed with full domain items.
        const page = (file: string, _delayMs: number) => {
          const fixture = loadFixture(file);
          const body = JSON.parse(fixture.body) as { data: { id: number }[]; pagination: unknown };
          const domain = (id: number) => ({
            ...(data('listDomains/success.http') as object[])[1],
            id,
            name: `d${id}.com`,
            unicode_name: `d${id}.com`,
          });
          return [
            fixture.status,
            JSON.stringify({ data: body.data.map((item) => domain(item.id)), pagination: body.pagination }),
            fixture.headers,
          ] as const;
        };
        const requested: number[] = [];
        let sequential = false;
        let page3Requested: () => void = () => {};
        const page3 = new Promise<void>((resolve) => {
          page3Requested = resolve;
        });
        for (const n of [1, 2, 3]) {
          const [status, body, headers] = page(`pages-${n}of3.http`, 0);
          api()
            .get(`${ACC}/domains`)
            .query({ page: String(n), per_page: '2' })
            .reply((_uri, _body, callback) => {
              requested.push(n);
              if (n === 3) page3Requested();
              // Page 2 answers only once page 3 was requested: sequential paging would time out here.
              const ready =
                n === 2
                  ? Promise.race([
                      page3,
                      new Promise((r) =>
                        setTimeout(() => {
                          sequential = true;
                          r(undefined);
                        }, 1000),
                      ),
                    ])
                  : Promise.resolve();
              void ready.then(() => callback(null, [status, body, headers]));
            });
        }
        const ids = (await toArray(dnsimple().listDomains({ pageSize: 2 }))).map((domain) => domain.id);
        expect(ids).toEqual(['1', '2', '3', '4', '5']);
        expect(requested).toEqual([1, 2, 3]);
        expect(sequential, 'page 3 was requested while page 2 was in flight').toBe(false);
      });

      it('pages-1of3.http as DNSimple sent it: `{id}` items are a ResponseFormatError naming the field', async () => {
        replay(api().get(`${ACC}/domains`).query({ page: '1', per_page: '2' }), 'pages-1of3.http');
        const error = await toArray(dnsimple().listDomains({ pageSize: 2 })).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseFormatError);
        expect((error as Error).message).toContain('data.0.name');
      });

      it('getDomain/success.http (+ transfer lock and delegation) by name in any case with a trailing dot', async () => {
        getAlpha();
        const domain = await dnsimple().getDomain('Example-ALPHA.com.');
        expect(domain).toEqual(ALPHA());
        DomainSchema.parse(domain);
      });

      it('getDomain by id, and getDomainDelegation/success-empty.http gives []', async () => {
        getAlpha('181984', 'getDomainDelegation/success-empty.http');
        expect(await dnsimple().getDomain('181984')).toEqual({ ...ALPHA(), nameservers: [] });
      });

      it('notfound-domain.http → NotFoundError with the provider message', async () => {
        replay(api().get(`${ACC}/domains/example.com`), 'notfound-domain.http');
        const error = await dnsimple()
          .getDomain('example.com')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({
          status: 404,
          provider: 'dnsimple',
          operation: 'getDomain',
          requestId: 'bc587ea7-bcd5-4c10-a940-a9b4c8339824',
        });
        expect((error as Error).message).toContain('Domain `0` not found');
      });

      it('badgateway.http (HTML 502) → ProviderError; a retried GET then succeeds', async () => {
        replay(api().get(`${ACC}/domains/example.com`), 'badgateway.http');
        const error = await dnsimple()
          .getDomain('example.com')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ProviderError);
        expect(error).toMatchObject({ status: 502, retryable: true });
        expect((error as Error).message).toContain('non-JSON body');

        replay(api().get(`${ACC}/domains/example-alpha.com`), 'badgateway.http');
        getAlpha();
        const domain = await dnsimple({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } }).getDomain(
          'example-alpha.com',
        );
        expect(domain.id).toBe('181984');
      });

      it('success-with-malformed-json.http (HTML with 200) → ResponseFormatError, never a success', async () => {
        replay(api().get(`${ACC}/domains/example.com`), 'success-with-malformed-json.http');
        const error = await dnsimple()
          .getDomain('example.com')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseFormatError);
        expect((error as Error).message).toContain('not valid JSON');
      });
    });

    describe('updateDomain', () => {
      it('enable/disable auto renewal (PUT/DELETE, 204), then the refreshed domain', async () => {
        replay(api().put(`${REG}/example-alpha.com/auto_renewal`), 'enableDomainAutoRenewal/success.http');
        getAlpha();
        expect(await dnsimple().updateDomain('example-alpha.com', { autoRenew: true })).toEqual(ALPHA());
        replay(
          api().delete(`${REG}/example-alpha.com/auto_renewal`),
          'disableDomainAutoRenewal/success.http',
        );
        getAlpha();
        expect((await dnsimple().updateDomain('example-alpha.com', { autoRenew: false })).id).toBe('181984');
      });

      it('enable WHOIS privacy (200 success and 201 created with enabled null), disable (200)', async () => {
        for (const file of ['enableWhoisPrivacy/success.http', 'enableWhoisPrivacy/created.http']) {
          replay(api().put(`${REG}/example-alpha.com/whois_privacy`), file);
          getAlpha();
          expect((await dnsimple().updateDomain('example-alpha.com', { whoisPrivacy: true })).name).toBe(
            'example-alpha.com',
          );
        }
        replay(api().delete(`${REG}/example-alpha.com/whois_privacy`), 'disableWhoisPrivacy/success.http');
        getAlpha();
        expect((await dnsimple().updateDomain('example-alpha.com', { whoisPrivacy: false })).name).toBe(
          'example-alpha.com',
        );
      });

      it('notfound-whoisprivacy.http → NotFoundError', async () => {
        replay(api().delete(`${REG}/example-alpha.com/whois_privacy`), 'notfound-whoisprivacy.http');
        expect(
          await dnsimple()
            .updateDomain('example-alpha.com', { whoisPrivacy: false })
            .catch((e: unknown) => e),
        ).toBeInstanceOf(NotFoundError);
      });

      it('transfer lock: POST (201) to enable, DELETE (200) to disable', async () => {
        replay(api().post(`${REG}/example-alpha.com/transfer_lock`), 'enableDomainTransferLock/success.http');
        getAlpha();
        expect(
          (await dnsimple().updateDomain('example-alpha.com', { transferLock: true })).transferLock,
        ).toBe(true);
        replay(
          api().delete(`${REG}/example-alpha.com/transfer_lock`),
          'disableDomainTransferLock/success.http',
        );
        getAlpha();
        await dnsimple().updateDomain('example-alpha.com', { transferLock: false });
      });

      it('changeDomainDelegation/success.http: PUT with a bare JSON array of normalised names', async () => {
        replay(
          api(true).put(`${REG}/example-alpha.com/delegation`, [
            'ns1.dnsimple.com',
            'ns2.dnsimple.com',
            'ns3.dnsimple.com',
            'ns4.dnsimple.com',
          ]),
          'changeDomainDelegation/success.http',
        );
        getAlpha();
        const domain = await dnsimple().updateDomain('example-alpha.com', {
          nameservers: ['NS1.dnsimple.com.', 'ns2.dnsimple.com', 'ns3.dnsimple.com', 'ns4.dnsimple.com'],
        });
        expect(domain.nameservers).toEqual([
          'ns1.dnsimple.com',
          'ns2.dnsimple.com',
          'ns3.dnsimple.com',
          'ns4.dnsimple.com',
        ]);
      });

      it('authorizeDomainTransferOut/success.http: POST, 204', async () => {
        replay(
          api().post(`${REG}/example.com/authorize_transfer_out`),
          'authorizeDomainTransferOut/success.http',
        );
        await expect(dnsimple().authorizeTransferOut('example.com')).resolves.toBeUndefined();
      });
    });

    describe('registrar', () => {
      it('checkDomain/success.http: a premium available name, priced from the prices endpoint', async () => {
        replay(api().get(`${REG}/ruby.codes/check`), 'checkDomain/success.http');
        replay(api().get(`${REG}/ruby.codes/prices`), 'getDomainPrices/success.http');
        expect(await dnsimple().checkAvailability('Ruby.Codes')).toEqual({
          provider: 'dnsimple',
          domain: 'ruby.codes',
          available: true,
          status: 'premium',
          premium: true,
          price: { amount: '20.00', currency: 'USD' },
          reason: null,
          suggestions: [],
          providerStatus: ['available', 'premium'],
          raw: data('checkDomain/success.http'),
        });
      });

      it('getDomainPrices/success.http: floats → exact decimal strings in USD for every operation', async () => {
        const cases = [
          ['register', 1, '20.00'],
          ['renew', 3, '60.00'],
          ['transfer', 1, '20.00'],
          ['restore', 1, '20.00'],
        ] as const;
        for (const [operation, years, amount] of cases) {
          replay(api().get(`${REG}/bingo.pizza/prices`), 'getDomainPrices/success.http');
          const quote = await dnsimple().getPrice('bingo.pizza', { operation, years });
          expect(quote).toEqual({
            provider: 'dnsimple',
            domain: 'bingo.pizza',
            operation,
            years,
            price: { amount, currency: 'USD' },
            premium: true,
            available: null,
            // The fixture's renewal_price: one further year.
            renewalPrice: { amount: '20.00', currency: 'USD' },
          });
          PriceQuoteSchema.parse(quote);
        }
      });

      it('getDomainPrices/failure.http → ValidationError with the provider message', async () => {
        replay(api().get(`${REG}/example.pineapple/prices`), 'getDomainPrices/failure.http');
        const error = await dnsimple()
          .getPrice('example.pineapple')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).toContain('TLD .PINEAPPLE is not supported');
      });

      it('a 400 from the check is an unregistrable answer with the reason', async () => {
        replay(api().get(`${REG}/example.pineapple/check`), 'getDomainPrices/failure.http');
        expect(await dnsimple().checkAvailability('example.pineapple')).toMatchObject({
          available: false,
          status: 'unregistrable',
          reason: 'TLD .PINEAPPLE is not supported',
        });
      });

      it('registerDomain/success.http: POST with registrant_id; state new → pending', async () => {
        noExtendedAttributes('com');
        replay(
          api(true).post(`${REG}/example.com/registrations`, {
            registrant_id: 2,
            auto_renew: true,
            whois_privacy: false,
          }),
          'registerDomain/success.http',
        );
        const registration = await dnsimple().registerDomain({
          domain: 'Example.com',
          contacts: { registrant: '2' },
          autoRenew: true,
          whoisPrivacy: false,
        });
        expect(registration).toEqual({
          provider: 'dnsimple',
          id: '1',
          domain: 'example.com',
          status: 'pending',
          cost: null,
          raw: data('registerDomain/success.http'),
        });
      });

      it('registerDomain sends premium_price as a string and takes the registrant from the options', async () => {
        noExtendedAttributes('codes');
        replay(
          api(true).post(`${REG}/ruby.codes/registrations`, { registrant_id: 7, premium_price: '109.00' }),
          'registerDomain/success.http',
        );
        const registration = await dnsimple({ registrantId: 7 }).registerDomain({
          domain: 'ruby.codes',
          premiumPrice: { amount: '109.00', currency: 'USD' },
        });
        expect(registration.status).toBe('pending');
      });

      it('registerDomain/error-extended-attributes.http → ValidationError with one issue per attribute', async () => {
        noExtendedAttributes('com');
        replay(
          api().post(`${REG}/example.com/registrations`),
          'registerDomain/error-extended-attributes.http',
        );
        const error = (await dnsimple({ registrantId: 2 })
          .registerDomain({ domain: 'example.com' })
          .catch((e: unknown) => e)) as ValidationError;
        expect(error).toBeInstanceOf(ValidationError);
        expect(error.issues).toEqual([
          { path: 'x-accept-ssl-requirement', message: "it's required" },
          { path: 'x-id-number', message: 'invalid number' },
        ]);
      });

      it('notfound-contact.http on registration → NotFoundError', async () => {
        noExtendedAttributes('com');
        replay(api().post(`${REG}/example.com/registrations`), 'notfound-contact.http');
        expect(
          await dnsimple({ registrantId: 2 })
            .registerDomain({ domain: 'example.com' })
            .catch((e: unknown) => e),
        ).toBeInstanceOf(NotFoundError);
      });

      it('getDomainRegistration/success.http: registering → pending', async () => {
        replay(api().get(`${REG}/example.com/registrations/361`), 'getDomainRegistration/success.http');
        expect(await dnsimple().getRegistration('example.com', '361')).toMatchObject({
          id: '361',
          domain: 'example.com',
          status: 'pending',
        });
      });

      it('renewDomain/success.http: POST with period; new → pending', async () => {
        replay(api(true).post(`${REG}/example.com/renewals`, { period: 2 }), 'renewDomain/success.http');
        expect(await dnsimple().renewDomain('example.com', { years: 2 })).toEqual({
          provider: 'dnsimple',
          domain: 'example.com',
          status: 'pending',
          expiresAt: null,
          cost: null,
          raw: data('renewDomain/success.http'),
        });
      });

      it('renewDomain/error-tooearly.http → ValidationError', async () => {
        replay(api().post(`${REG}/example.com/renewals`), 'renewDomain/error-tooearly.http');
        const error = await dnsimple()
          .renewDomain('example.com', { years: 1 })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).toContain('may not be renewed at this time');
      });

      it('getDomainRenewal/success.http (status line 201): renewed → completed', async () => {
        replay(api().get(`${REG}/example.com/renewals/1`), 'getDomainRenewal/success.http');
        expect(await dnsimple().getRenewal('example.com', '1')).toMatchObject({
          status: 'completed',
          domain: 'example.com',
        });
      });

      it('transferDomain/success.http: POST with registrant and auth code; transferring → in_progress', async () => {
        noExtendedAttributes('com');
        replay(
          api(true).post(`${REG}/example.com/transfers`, { registrant_id: 2, auth_code: 'x-auth' }),
          'transferDomain/success.http',
        );
        const transfer = await dnsimple().transferDomain({
          domain: 'example.com',
          authCode: 'x-auth',
          contacts: { registrant: '2' },
        });
        expect(transfer).toEqual({
          provider: 'dnsimple',
          id: 'example.com:1',
          domain: 'example.com',
          status: 'in_progress',
          domainId: '999',
          startedAt: d('2016-12-09T19:43:41Z'),
          completedAt: null,
          estimatedCompletion: null,
          cost: null,
          raw: data('transferDomain/success.http'),
        });
        TransferSchema.parse(transfer);
      });

      it('transferDomain/error-indnsimple.http and error-missing-authcode.http → ValidationError', async () => {
        noExtendedAttributes('com', 2);
        replay(api().post(`${REG}/google.com/transfers`), 'transferDomain/error-indnsimple.http');
        const first = await dnsimple({ registrantId: 2 })
          .transferDomain({ domain: 'google.com', authCode: 'x' })
          .catch((e: unknown) => e);
        expect(first).toBeInstanceOf(ValidationError);
        expect((first as Error).message).toContain('already in DNSimple');
        replay(api().post(`${REG}/google.com/transfers`), 'transferDomain/error-missing-authcode.http');
        const second = (await dnsimple({ registrantId: 2 })
          .transferDomain({ domain: 'google.com', authCode: ' ' })
          .catch((e: unknown) => e)) as ValidationError;
        expect(second).toBeInstanceOf(ValidationError);
        expect(second.issues).toEqual([
          { path: '', message: 'You must provide an authorization code for the domain' },
        ]);
      });

      it('getDomainTransfer/success.http: cancelled, with domain id and dates', async () => {
        replay(api().get(`${REG}/example.com/transfers/361`), 'getDomainTransfer/success.http');
        expect(await dnsimple().getTransfer('example.com:361')).toMatchObject({
          id: 'example.com:361',
          status: 'cancelled',
          domainId: '182245',
          startedAt: d('2020-06-05T18:08:00Z'),
          completedAt: null,
        });
      });

      it('cancelDomainTransfer/success.http: DELETE, 202 with the transfer as it was', async () => {
        replay(api().delete(`${REG}/example.com/transfers/361`), 'cancelDomainTransfer/success.http');
        expect(await dnsimple().cancelTransfer('example.com:361')).toMatchObject({
          status: 'in_progress',
          id: 'example.com:361',
        });
      });

      it('restoreDomain/success.http and getDomainRestore/success.http: new → pending', async () => {
        replay(
          api(true).post(`${REG}/example.com/restores`, { premium_price: '109.00' }),
          'restoreDomain/success.http',
        );
        expect(
          await dnsimple().restoreDomain('example.com', {
            premiumPrice: { amount: '109.00', currency: 'USD' },
          }),
        ).toEqual({
          provider: 'dnsimple',
          id: '43',
          domain: 'example.com',
          status: 'pending',
          raw: data('restoreDomain/success.http'),
        });
        replay(api().get(`${REG}/example.com/restores/43`), 'getDomainRestore/success.http');
        expect(await dnsimple().getRestore('example.com', '43')).toMatchObject({
          id: '43',
          status: 'pending',
        });
      });
    });

    describe('records', () => {
      it('listZoneRecords/success.http: SOA and apex NS are system records and left out', async () => {
        replay(
          api().get(`${ACC}/zones/example.com/records`).query({ page: '1', per_page: '100' }),
          'listZoneRecords/success.http',
        );
        expect(await toArray(dnsimple().listRecords('example.com'))).toEqual([]);
      });

      it('notfound-zone.http → NotFoundError on the first next()', async () => {
        replay(api().get(`${ACC}/zones/example.com/records`).query(true), 'notfound-zone.http');
        expect(await toArray(dnsimple().listRecords('example.com')).catch((e: unknown) => e)).toBeInstanceOf(
          NotFoundError,
        );
      });

      it('createZoneRecord/created.http and created-apex.http: exact body, `@` ↔ ""', async () => {
        replay(
          api(true).post(`${ACC}/zones/example.com/records`, {
            name: 'www',
            type: 'A',
            content: '127.0.0.1',
            ttl: 600,
          }),
          'createZoneRecord/created.http',
        );
        const record = await dnsimple().createRecord('example.com', {
          type: 'A',
          name: 'WWW',
          content: '127.0.0.1',
          ttl: 600,
        });
        expect(record).toEqual({
          provider: 'dnsimple',
          id: '1',
          domain: 'example.com',
          name: 'www',
          fqdn: 'www.example.com',
          type: 'A',
          content: '127.0.0.1',
          ttl: 600,
          priority: null,
          createdAt: d('2016-01-07T17:45:13Z'),
          updatedAt: d('2016-01-07T17:45:13Z'),
          raw: data('createZoneRecord/created.http'),
        });
        DnsRecordSchema.parse(record);
        replay(
          api(true).post(`${ACC}/zones/example.com/records`, {
            name: '',
            type: 'A',
            content: '127.0.0.1',
            ttl: 600,
          }),
          'createZoneRecord/created-apex.http',
        );
        expect(
          await dnsimple().createRecord('example.com.', {
            type: 'A',
            name: '@',
            content: '127.0.0.1',
            ttl: 600,
          }),
        ).toMatchObject({
          name: '@',
          fqdn: 'example.com',
        });
      });

      it('validation-error.http on create → ValidationError with every field issue', async () => {
        replay(api().post(`${ACC}/zones/example.com/records`), 'validation-error.http');
        const error = (await dnsimple()
          .createRecord('example.com', { type: 'A', name: 'x', content: '192.0.2.1' })
          .catch((e: unknown) => e)) as ValidationError;
        expect(error).toBeInstanceOf(ValidationError);
        expect(error.issues).toHaveLength(11);
        expect(error.issues).toContainEqual({ path: 'email', message: 'is an invalid email address' });
      });

      it('getZoneRecord/success.http + updateZoneRecord/success.http: reads the type, then PATCHes', async () => {
        replay(api().get(`${ACC}/zones/example.com/records/5`), 'getZoneRecord/success.http');
        replay(
          api(true).patch(`${ACC}/zones/example.com/records/5`, {
            content: 'mxb.example.com',
            ttl: 3600,
            priority: 20,
          }),
          'updateZoneRecord/success.http',
        );
        const record = await dnsimple().updateRecord('example.com', '5', {
          content: 'MXB.example.com.',
          ttl: 3600,
          priority: 20,
        });
        expect(record).toEqual({
          provider: 'dnsimple',
          id: '5',
          domain: 'example.com',
          name: '@',
          fqdn: 'example.com',
          type: 'MX',
          content: 'mxb.example.com',
          ttl: 3600,
          priority: 20,
          createdAt: d('2016-10-05T09:51:35Z'),
          updatedAt: d('2016-10-05T09:51:35Z'),
          raw: data('updateZoneRecord/success.http'),
        });
      });

      it('notfound-record.http on update → NotFoundError', async () => {
        replay(api().get(`${ACC}/zones/example.com/records/0`), 'notfound-record.http');
        expect(
          await dnsimple()
            .updateRecord('example.com', '0', { ttl: 600 })
            .catch((e: unknown) => e),
        ).toBeInstanceOf(NotFoundError);
      });

      it('deleteZoneRecord/success.http: DELETE, 204; notfound-record.http → NotFoundError', async () => {
        replay(api().delete(`${ACC}/zones/example.com/records/1`), 'deleteZoneRecord/success.http');
        await expect(dnsimple().deleteRecord('example.com', '1')).resolves.toBeUndefined();
        replay(api().delete(`${ACC}/zones/example.com/records/0`), 'notfound-record.http');
        expect(
          await dnsimple()
            .deleteRecord('example.com', '0')
            .catch((e: unknown) => e),
        ).toBeInstanceOf(NotFoundError);
      });

      it('method-not-allowed.http (405, empty body) → ProviderError', async () => {
        replay(api().delete(`${ACC}/zones/example.com/records/1`), 'method-not-allowed.http');
        const error = await dnsimple()
          .deleteRecord('example.com', '1')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ProviderError);
        expect(error).toMatchObject({ status: 405, requestId: '64c0a5e1-4cbb-4287-98a7-93085a77ac55' });
      });

      it('batchChangeZoneRecords/success.http: createRecords through the batch endpoint', async () => {
        replay(
          api(true).post(`${ACC}/zones/example.com/batch`, {
            creates: [
              { name: 'ab', type: 'A', content: '3.2.3.4', ttl: 3600 },
              { name: 'ab', type: 'A', content: '4.2.3.4', ttl: 3600 },
            ],
          }),
          'batchChangeZoneRecords/success.http',
        );
        const result = await dnsimple().createRecords('example.com', [
          { type: 'A', name: 'ab', content: '3.2.3.4', ttl: 3600 },
          { type: 'A', name: 'ab', content: '4.2.3.4', ttl: 3600 },
        ]);
        expect(result.errors).toEqual([]);
        expect(result.created.map((r) => [r.id, r.name, r.content])).toEqual([
          ['67623409', 'ab', '3.2.3.4'],
          ['67623410', 'ab', '4.2.3.4'],
        ]);
      });

      it('batchChangeZoneRecords/error_400_create_validation_failed.http: the failing item is reported, the rest sent again', async () => {
        const bad = { type: 'A', name: 'ab', content: '9.9.9.9', ttl: 3600 } as const;
        const good = [
          { type: 'A', name: 'ab', content: '3.2.3.4', ttl: 3600 },
          { type: 'A', name: 'ab', content: '4.2.3.4', ttl: 3600 },
        ] as const;
        replay(
          api(true).post(`${ACC}/zones/example.com/batch`, { creates: [bad, ...good] }),
          'batchChangeZoneRecords/error_400_create_validation_failed.http',
        );
        replay(
          api(true).post(`${ACC}/zones/example.com/batch`, { creates: [...good] }),
          'batchChangeZoneRecords/success.http',
        );
        const result = await dnsimple().createRecords('example.com', [bad, ...good]);
        expect(result.created.map((r) => r.content)).toEqual(['3.2.3.4', '4.2.3.4']);
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]!.input).toBe(bad);
        expect(result.errors[0]!.error).toBeInstanceOf(ValidationError);
        expect((result.errors[0]!.error as ValidationError).issues).toEqual([
          { path: 'record_type', message: 'unsupported' },
        ]);
      });
    });

    describe('DNSSEC and DS records', () => {
      const DS_24 = {
        keyTag: 44620,
        algorithm: 8,
        digestType: 2,
        digest: 'C1F6E04A5A61FBF65BF9DC8294C363CF11C89E802D926BDAB79C55D27BEFA94F',
      };
      const DS_2 = {
        keyTag: 2371,
        algorithm: 13,
        digestType: 2,
        digest: '684a1f049d7d082b7f98691657da5a65764913df7f065f6f8c36edf62d66ca03',
      };

      it('listDelegationSignerRecords/success.http → DsRecord with numbers', async () => {
        replay(
          api().get(`${ACC}/domains/example.com/ds_records`).query({ page: '1', per_page: '100' }),
          'listDelegationSignerRecords/success.http',
        );
        expect(await dnsimple().getDsRecords('example.com')).toEqual([DS_24]);
      });

      it('setDsRecords: creates the missing one (createDelegationSignerRecord/created.http) then deletes the old one', async () => {
        replay(
          api().get(`${ACC}/domains/example.com/ds_records`).query(true),
          'listDelegationSignerRecords/success.http',
        );
        replay(
          api(true).post(`${ACC}/domains/example.com/ds_records`, {
            algorithm: '13',
            digest: DS_2.digest,
            digest_type: '2',
            keytag: '2371',
          }),
          'createDelegationSignerRecord/created.http',
        );
        replay(
          api().delete(`${ACC}/domains/example.com/ds_records/24`),
          'deleteDelegationSignerRecord/success.http',
        );
        expect(await dnsimple().setDsRecords('example.com', [DS_2])).toEqual([DS_2]);
      });

      it('setDsRecords keeps a record that is already there (digest case-insensitive), sending nothing else', async () => {
        replay(
          api().get(`${ACC}/domains/example.com/ds_records`).query(true),
          'listDelegationSignerRecords/success.http',
        );
        expect(
          await dnsimple().setDsRecords('example.com', [{ ...DS_24, digest: DS_24.digest.toLowerCase() }]),
        ).toEqual([DS_24]);
      });

      it('createDelegationSignerRecord/validation-error.http → ValidationError; notfound-delegationSignerRecord.http → NotFoundError', async () => {
        replay(
          api().get(`${ACC}/domains/example.com/ds_records`).query(true),
          'listDelegationSignerRecords/success.http',
        );
        replay(
          api().post(`${ACC}/domains/example.com/ds_records`),
          'createDelegationSignerRecord/validation-error.http',
        );
        const error = (await dnsimple()
          .setDsRecords('example.com', [DS_2])
          .catch((e: unknown) => e)) as ValidationError;
        expect(error).toBeInstanceOf(ValidationError);
        expect(error.issues.map((i) => i.path)).toEqual(['algorithm', 'digest', 'digest_type', 'keytag']);
        replay(
          api().get(`${ACC}/domains/example.com/ds_records`).query(true),
          'listDelegationSignerRecords/success.http',
        );
        replay(
          api().delete(`${ACC}/domains/example.com/ds_records/24`),
          'notfound-delegationSignerRecord.http',
        );
        expect(
          await dnsimple()
            .setDsRecords('example.com', [])
            .catch((e: unknown) => e),
        ).toBeInstanceOf(NotFoundError);
      });

      it('getDnssec/success.http, enableDnssec/success.http, disableDnssec success (204) and not-enabled (428)', async () => {
        replay(api().get(`${ACC}/domains/example.com/dnssec`), 'getDnssec/success.http');
        expect(await dnsimple().getDnssec('example.com')).toEqual({
          enabled: true,
          active: true,
          raw: data('getDnssec/success.http'),
        });
        replay(api().post(`${ACC}/domains/example.com/dnssec`), 'enableDnssec/success.http');
        expect(await dnsimple().enableDnssec('example.com')).toMatchObject({ enabled: true, active: true });
        replay(api().delete(`${ACC}/domains/example.com/dnssec`), 'disableDnssec/success.http');
        await expect(dnsimple().disableDnssec('example.com')).resolves.toBeUndefined();
        replay(api().delete(`${ACC}/domains/example.com/dnssec`), 'disableDnssec/not-enabled.http');
        await expect(dnsimple().disableDnssec('example.com')).resolves.toBeUndefined();
      });
    });

    describe('rate limits', () => {
      it('429 quota exceeded → RateLimitError with the wait until X-RateLimit-Reset', async () => {
        const reset = Math.floor(Date.now() / 1000) + 1800;
        api()
          .get(`${ACC}/domains/example.com`)
          .reply(
            429,
            { message: 'quota exceeded' },
            { 'x-ratelimit-limit': '2400', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
          );
        const error = (await dnsimple({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } })
          .getDomain('example.com')
          .catch((e: unknown) => e)) as RateLimitError;
        expect(error).toBeInstanceOf(RateLimitError);
        expect(error.message).toContain('quota exceeded');
        expect(error.retryAfterMs).toBeGreaterThan(1_700_000);
        expect(error.retryAfterMs).toBeLessThanOrEqual(1_800_000);
      });

      it('a 401 is an AuthenticationError', async () => {
        api().get(`${ACC}/domains/example.com`).reply(401, { message: 'Authentication failed' });
        expect(
          await dnsimple()
            .getDomain('example.com')
            .catch((e: unknown) => e),
        ).toBeInstanceOf(AuthenticationError);
      });
    });
  },
);
