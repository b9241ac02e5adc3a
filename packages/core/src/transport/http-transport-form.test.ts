/**
 * Providers that are not JSON over REST (Namecheap: form POSTs, XML answers, API errors inside an
 * HTTP 200, a 405 as the rate-limit signal): form bodies with credentials in them, a body decoder,
 * and a hook that classifies answers the status alone does not.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError, RateLimitError, ResponseFormatError } from '../errors/error-classes.js';
import { createTransport, type TransportOptions } from './http-transport.js';

const BASE = 'https://api.example.test';
const KEY = 'form-secret-key-0123456789';

/** A toy "XML": `<ok>name</ok>` or `<error>text</error>`. */
const decoder = {
  format: 'XML',
  decode(text: string) {
    const match = /^<(ok|error)>(.*)<\/\1>$/.exec(text);
    if (!match) throw new Error('not XML');
    return { kind: match[1], text: match[2] };
  },
};

function transport(overrides: Partial<TransportOptions> = {}) {
  return createTransport({
    provider: 'namecheap',
    baseURL: BASE,
    credentials: () => ({ form: { ApiKey: KEY } }),
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    bodyDecoder: decoder,
    classifyAnswer: ({ status, body }, { operation, redact }) => {
      if (status === 405) return new RateLimitError('over the limit', { provider: 'namecheap', operation });
      const answer = body as { kind?: string; text?: string } | undefined;
      if (answer?.kind === 'error')
        return new NotFoundError(redact(answer.text ?? ''), { provider: 'namecheap', operation });
      return undefined;
    },
    ...overrides,
  });
}

const Answer = z.object({ kind: z.literal('ok'), text: z.string() });

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

describe('form bodies, decoders and classified answers', () => {
  it('sends the form fields and the credential fields urlencoded, and decodes the answer', async () => {
    let sent = '';
    let type = '';
    nock(BASE)
      .post('/xml.response', (body) => {
        sent = typeof body === 'string' ? body : new URLSearchParams(body).toString();
        return true;
      })
      .reply(function () {
        type = String(this.req.headers['content-type']);
        return [200, '<ok>a b</ok>'];
      });
    const { data } = await transport().request({
      operation: 'getDomain',
      method: 'POST',
      path: '/xml.response',
      form: { Command: 'namecheap.domains.getInfo', DomainName: 'example.com', Skipped: undefined },
      schema: Answer,
    });
    expect(data).toEqual({ kind: 'ok', text: 'a b' });
    expect(type).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent))).toEqual({
      Command: 'namecheap.domains.getInfo',
      DomainName: 'example.com',
      ApiKey: KEY,
    });
  });

  it('throws what the classifier returns for an HTTP 200, with the credential redacted', async () => {
    nock(BASE).post('/xml.response').reply(200, `<error>key ${KEY} is wrong</error>`);
    const error = await transport()
      .request({ operation: 'getDomain', method: 'POST', path: '/xml.response', form: {}, schema: Answer })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).not.toContain(KEY);
  });

  it('retries a classified rate-limit refusal even for a spending POST (nothing was executed)', async () => {
    const scope = nock(BASE)
      .post('/xml.response')
      .reply(405, '')
      .post('/xml.response')
      .reply(200, '<ok>x</ok>');
    const { data } = await transport().request({
      operation: 'registerDomain',
      method: 'POST',
      path: '/xml.response',
      form: {},
      schema: Answer,
    });
    expect(data.text).toBe('x');
    expect(scope.isDone()).toBe(true);
  });

  it('a body the decoder refuses is a ResponseFormatError naming the format', async () => {
    nock(BASE).post('/xml.response').reply(200, '{"json": true}');
    const error = await transport()
      .request({ operation: 'getDomain', method: 'POST', path: '/xml.response', form: {}, schema: Answer })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as Error).message).toBe(
      'namecheap getDomain: the response body (HTTP 200) is not valid XML',
    );
  });
});

describe('a request counted in several windows', () => {
  it('waits for the strictest of its buckets', async () => {
    nock(BASE).post('/xml.response').times(3).reply(200, '<ok>x</ok>');
    const limited = transport({
      buckets: {
        minute: { limit: 10, intervalMs: 60_000, strategy: 'window' },
        hour: { limit: 2, intervalMs: 3_600_000, strategy: 'window' },
      },
    });
    const send = (signal?: AbortSignal) =>
      limited.request({
        operation: 'getDomain',
        method: 'POST',
        path: '/xml.response',
        form: {},
        schema: Answer,
        bucket: ['minute', 'hour'],
        signal,
      });
    await send();
    await send();
    // The hour allows two: the third waits (an abort ends the wait without a request).
    const third = send(AbortSignal.timeout(200)).catch((e: unknown) => e);
    expect(await third).toMatchObject({ code: 'aborted' });
    expect(nock.pendingMocks()).toHaveLength(1);
  });
});

describe('one form option for both kinds of form', () => {
  it('a FormData body goes multipart with its boundary, the credential fields appended', async () => {
    let type = '';
    let sent = '';
    nock(BASE)
      .post('/upload', (body) => {
        sent = String(body);
        return true;
      })
      .reply(function () {
        type = String(this.req.headers['content-type']);
        return [200, '<ok>up</ok>'];
      });
    const form = new FormData();
    form.set('file', new Blob(['a 300 IN A 192.0.2.1\n'], { type: 'text/plain' }), 'zone.txt');
    const { data } = await transport().request({
      operation: 'importZone',
      method: 'POST',
      path: '/upload',
      form,
      schema: Answer,
    });
    expect(data.text).toBe('up');
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent).toContain('a 300 IN A 192.0.2.1');
    expect(sent).toContain('name="ApiKey"');
  });

  it('a redirect is refused before the classifier sees it', async () => {
    let classified = 0;
    nock(BASE)
      .post('/xml.response')
      .reply(302, '<error>moved</error>', { Location: `${BASE}/elsewhere` });
    const error = await transport({
      classifyAnswer: () => {
        classified += 1;
        return undefined;
      },
    })
      .request({ operation: 'getDomain', method: 'POST', path: '/xml.response', form: {}, schema: Answer })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unexpected_redirect', status: 302 });
    expect(classified).toBe(0);
  });
});

describe('a far rate-limit reset on a request of several buckets', () => {
  it('the next call fails at once with rate_limited, whichever bucket the pause is on', async () => {
    nock(BASE)
      .post('/xml.response')
      .reply(200, '<ok>x</ok>', {
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 10 * 86_400),
      });
    const limited = transport({
      buckets: { minute: { limit: 100, intervalMs: 60_000 }, hour: { limit: 1000, intervalMs: 3_600_000 } },
    });
    const send = () =>
      limited.request({
        operation: 'getDomain',
        method: 'POST',
        path: '/xml.response',
        form: {},
        schema: Answer,
        bucket: ['minute', 'hour'],
      });
    await send();
    const started = performance.now();
    const error = await send().catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limited' });
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(9 * 86_400_000);
  });
});
