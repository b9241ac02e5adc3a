/**
 * Names Domainr and Fastly send are checked before they enter the model: a suggestion or a status
 * answer whose domain or zone is no domain name is a ResponseFormatError naming the field.
 */
import { ResponseFormatError } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDomainr } from './domainr-registrar.js';
import { FAST } from './test/domainr-test-setup.js';

const DOMAINR = 'https://api.domainr.com';
const FASTLY = 'https://api.fastly.com';
const HOSTILE_NAMES = ['../../etc', 'exa\r\nmple.com', '', 'Bad Name', 'evil.com/../../x'];

const v2 = () => createDomainr({ clientId: 'cid-1234', ...FAST });
const fastly = () => createDomainr({ api: 'fastly', fastlyToken: 'fastly-token-42', ...FAST });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

function issuePaths(error: unknown): string[] {
  expect(error).toBeInstanceOf(ResponseFormatError);
  return (error as ResponseFormatError).issues.map((issue) => issue.path);
}

describe('names read from Domainr v2', () => {
  it.each(HOSTILE_NAMES)('suggestDomains with a result domain %j: ResponseFormatError', async (domain) => {
    nock(DOMAINR)
      .get('/v2/search')
      .query(true)
      .reply(200, {
        results: [
          { domain: 'ok.com', zone: 'com' },
          { domain, zone: 'com' },
        ],
      });
    const error = await v2()
      .suggestDomains('acme')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ provider: 'domainr', operation: 'suggestDomains' });
    expect(issuePaths(error)).toEqual(['results.1.domain']);
  });

  it.each(['bad zone', '../etc', 'co\r\nuk', ''])(
    'suggestDomains with a zone %j: ResponseFormatError',
    async (zone) => {
      nock(DOMAINR)
        .get('/v2/search')
        .query(true)
        .reply(200, { results: [{ domain: 'acme.com', zone }] });
      const error = await v2()
        .suggestDomains('acme')
        .catch((e: unknown) => e);
      expect(issuePaths(error)).toEqual(['results.0.zone']);
    },
  );

  it('checkAvailability with a status object for a hostile name: ResponseFormatError', async () => {
    nock(DOMAINR)
      .get('/v2/status')
      .query(true)
      .reply(200, { status: [{ domain: 'acme.com\r\nX-Evil: 1', zone: 'com', status: 'inactive' }] });
    const error = await v2()
      .checkAvailability('acme.com')
      .catch((e: unknown) => e);
    expect(issuePaths(error)).toEqual(['status.0.domain']);
  });
});

describe('names read from Fastly', () => {
  it('suggestDomains with a result domain "../../etc": ResponseFormatError', async () => {
    nock(FASTLY)
      .get('/domain-management/v1/tools/suggest')
      .query(true)
      .reply(200, { results: [{ domain: '../../etc', zone: 'com' }] });
    const error = await fastly()
      .suggestDomains('acme')
      .catch((e: unknown) => e);
    expect(issuePaths(error)).toEqual(['results.0.domain']);
  });

  it('checkAvailability with a hostile domain or zone: ResponseFormatError', async () => {
    nock(FASTLY)
      .get('/domain-management/v1/tools/status')
      .query(true)
      .reply(200, { domain: '', zone: 'com', status: 'inactive' });
    expect(
      issuePaths(
        await fastly()
          .checkAvailability('acme.com')
          .catch((e: unknown) => e),
      ),
    ).toEqual(['domain']);
    nock(FASTLY)
      .get('/domain-management/v1/tools/status')
      .query(true)
      .reply(200, { domain: 'acme.com', zone: 'c/om', status: 'inactive' });
    expect(
      issuePaths(
        await fastly()
          .checkAvailability('acme.com')
          .catch((e: unknown) => e),
      ),
    ).toEqual(['zone']);
  });

  it('a Unicode suggestion becomes its punycode, its zone too', async () => {
    nock(FASTLY)
      .get('/domain-management/v1/tools/suggest')
      .query(true)
      .reply(200, { results: [{ domain: 'Bücher.рф', zone: 'рф' }] });
    expect(await fastly().suggestDomains('bücher')).toEqual([
      { domain: 'xn--bcher-kva.xn--p1ai', zone: 'xn--p1ai', registerUrl: null },
    ]);
  });
});
