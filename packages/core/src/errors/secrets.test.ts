import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from '../transport/http-transport.js';
import { redactValue } from './redact.js';
import { isRegistrarError, type RegistrarError } from './registrar-error.js';

const BASE = 'https://api.example.test';
const SECRETS = ['sk_live_SECRET1', 'SECRET2', 'SECRET3'];

function client(retry = false as const) {
  return createTransport({
    provider: 'domainr',
    baseURL: BASE,
    retry,
    credentials: () => ({
      headers: { Authorization: 'Bearer sk_live_SECRET1', 'X-RapidAPI-Key': 'SECRET2' },
      query: { client_id: 'SECRET3' },
    }),
    parseError: (body) => ({ message: (body as { message?: string }).message }),
  });
}

/** Every rendering of an error a user might log, cause chain included. */
function renderings(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    const e = current as Error;
    out.push(
      String(e),
      e.message ?? '',
      e.stack ?? '',
      JSON.stringify(e),
      inspect(e, { depth: 10, showHidden: true }),
    );
    out.push(JSON.stringify(Object.entries(e)));
    current = (e as { cause?: unknown }).cause;
  }
  return out;
}

function expectNoSecret(error: unknown): void {
  expect(isRegistrarError(error)).toBe(true);
  for (const text of renderings(error)) for (const secret of SECRETS) expect(text).not.toContain(secret);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('no credential in any rendering of an error', () => {
  it('401 whose body echoes the client id (as Domainr does)', async () => {
    nock(BASE)
      .get('/v2/status')
      .query(true)
      .reply(401, { message: 'unauthorized: invalid client ID: SECRET3' });
    const error = await client()
      .request({ operation: 'checkAvailability', method: 'GET', path: '/v2/status' })
      .catch((e: unknown) => e);
    expectNoSecret(error);
    expect((error as RegistrarError).message).toBe(
      'domainr checkAvailability failed with HTTP 401: unauthorized: invalid client ID: [REDACTED]',
    );
  });

  it('500 whose body echoes the Authorization header', async () => {
    nock(BASE)
      .get('/x')
      .query(true)
      .reply(500, { message: 'bad header Bearer sk_live_SECRET1 and key SECRET2' });
    expectNoSecret(
      await client()
        .request({ operation: 'op', method: 'GET', path: '/x' })
        .catch((e: unknown) => e),
    );
  });

  it('a network error whose message holds the URL with the query credential', async () => {
    nock(BASE)
      .get('/x')
      .query(true)
      .replyWithError(
        Object.assign(new Error(`connect ECONNRESET ${BASE}/x?client_id=SECRET3`), { code: 'ECONNRESET' }),
      );
    expectNoSecret(
      await client()
        .request({ operation: 'op', method: 'GET', path: '/x' })
        .catch((e: unknown) => e),
    );
  });

  it('a timeout', async () => {
    nock(BASE).get('/x').query(true).delay(200).reply(200, {});
    const error = await createTransport({
      provider: 'domainr',
      baseURL: BASE,
      retry: false,
      timeoutMs: 10,
      credentials: () => ({
        headers: { Authorization: 'Bearer sk_live_SECRET1' },
        query: { client_id: 'SECRET3' },
      }),
    })
      .request({ operation: 'op', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expectNoSecret(error);
  });

  it('a malformed body', async () => {
    nock(BASE).get('/x').query(true).reply(200, '{"oops": "SECRET3",');
    const { z } = await import('zod');
    expectNoSecret(
      await client()
        .request({ operation: 'op', method: 'GET', path: '/x', schema: z.object({ ok: z.boolean() }) })
        .catch((e: unknown) => e),
    );
  });

  it('a wrong-shaped body whose values hold the secret', async () => {
    nock(BASE).get('/x').query(true).reply(200, { ok: 'SECRET3' });
    const { z } = await import('zod');
    expectNoSecret(
      await client()
        .request({ operation: 'op', method: 'GET', path: '/x', schema: z.object({ ok: z.literal(true) }) })
        .catch((e: unknown) => e),
    );
  });

  it('a credential echoed as a JSON key of the error body and inside X-Request-Id', async () => {
    nock(BASE)
      .get('/x')
      .query(true)
      .reply(
        422,
        {
          message: 'invalid',
          errors: { sk_live_SECRET1: ['unknown field'], 'key SECRET2': { SECRET3: 1 } },
        },
        { 'X-Request-Id': 'req-sk_live_SECRET1-SECRET3' },
      );
    const error = await createTransport({
      provider: 'domainr',
      baseURL: BASE,
      retry: false,
      credentials: () => ({
        headers: { Authorization: 'Bearer sk_live_SECRET1', 'X-RapidAPI-Key': 'SECRET2' },
        query: { client_id: 'SECRET3' },
      }),
      // An adapter that turns the body's keys into issues, as field-error bodies are read.
      parseError: (body) => {
        const errors = (body as { errors: Record<string, unknown> }).errors;
        return {
          message: `invalid: ${Object.keys(errors).join(', ')}`,
          code: Object.keys(errors)[0],
          issues: Object.keys(errors).map((key) => ({ path: key, message: `${key} is not allowed` })),
        };
      },
    })
      .request({ operation: 'op', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expectNoSecret(error);
    expect(error).toMatchObject({
      requestId: 'req-[REDACTED]-[REDACTED]',
      issues: [
        { path: '[REDACTED]', message: '[REDACTED] is not allowed' },
        { path: 'key [REDACTED]', message: 'key [REDACTED] is not allowed' },
      ],
    });
    expect((error as { cause: { body: unknown } }).cause.body).toEqual({
      message: 'invalid',
      errors: { '[REDACTED]': ['unknown field'], 'key [REDACTED]': { '[REDACTED]': 1 } },
    });
  });

  it('an error body nested 100,000 levels deep: redaction does not overflow, the status still decides', async () => {
    const deep = `${'{"a":'.repeat(100_000)}"SECRET3"${'}'.repeat(100_000)}`;
    nock(BASE).get('/x').query(true).reply(500, deep, { 'Content-Type': 'application/json' });
    const error = await client()
      .request({ operation: 'op', method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', status: 500 });
    expectNoSecret(error);
    let value: unknown = 'Bearer sk_live_SECRET1';
    for (let i = 0; i < 100_000; i++) value = { [`k${i % 3}`]: value };
    expect(() => JSON.stringify(redactValue(value, SECRETS))).not.toThrow();
  });
});
