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
