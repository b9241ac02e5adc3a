import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOpenApi, openApiDocument, validateRequest, validateResponse } from './openapi-validator.js';

const PORKBUN_SPEC = fileURLToPath(
  new URL('../../../../../shared/specs/porkbun/openapi-excerpt-3.27.json', import.meta.url),
);

const tiny = openApiDocument({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  servers: [{ url: 'https://api.example.test/v1' }],
  paths: {
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        parameters: [
          { name: 'limit', in: 'query', required: true, schema: { type: 'integer', maximum: 50 } },
          { $ref: '#/components/parameters/Key' },
        ],
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/items/special': {
      get: { responses: { '200': { content: { 'application/json': { schema: { type: 'string' } } } } } },
    },
    '/lookup/{name}/{sub}': {
      post: {
        parameters: [
          { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'sub', in: 'path', required: true, 'x-optional-segment': true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
            },
          },
        },
        responses: { '200': { description: 'OK' } },
      },
    },
  },
  components: {
    parameters: { Key: { name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 3 } } },
    responses: {
      Error: {
        description: 'error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
    schemas: {
      Item: {
        type: 'object',
        required: ['id', 'note'],
        properties: {
          id: { type: 'string' },
          note: { type: 'string', nullable: true, example: 'x' },
          kind: { type: 'string', enum: ['a', 'b'] },
          at: { type: 'string', format: 'date-time' },
        },
        'x-vendor': true,
      },
      Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
    },
  },
});

describe('validateResponse', () => {
  it('accepts a body that matches the $ref-ed schema, with nullable fields and the server base path', () => {
    const ok = { id: '1', note: null, kind: 'a', at: '2026-01-02T03:04:05Z' };
    expect(
      validateResponse(tiny, { method: 'GET', path: '/v1/items/7?limit=3', status: 200, body: ok }),
    ).toEqual([]);
  });

  it('reports each mismatch with a JSON pointer: wrong type, enum, format, missing property', () => {
    const issues = validateResponse(tiny, {
      method: 'GET',
      path: '/items/7',
      status: 200,
      body: { id: 1, kind: 'c', at: '2026-01-02 03:04:05' },
    });
    expect(issues.map((i) => `${i.at} ${i.message}`).sort()).toEqual([
      " must have required property 'note'",
      '/at must match format "date-time"',
      '/id must be string',
      '/kind must be equal to one of the allowed values (a, b)',
    ]);
  });

  it('uses the default response for an undocumented status and follows a $ref-ed response', () => {
    expect(validateResponse(tiny, { method: 'GET', path: '/items/7', status: 500, body: {} })).toEqual([
      { in: 'body', at: '', message: "must have required property 'message'" },
    ]);
  });

  it('matches a concrete path before a templated one', () => {
    expect(validateResponse(tiny, { method: 'GET', path: '/items/special', status: 200, body: 'x' })).toEqual(
      [],
    );
  });

  it('reports an unknown operation and an undocumented status', () => {
    expect(validateResponse(tiny, { method: 'DELETE', path: '/items/7', status: 200, body: {} })).toEqual([
      { in: 'operation', at: '/items/7', message: 'no operation DELETE /items/7' },
    ]);
    expect(validateResponse(tiny, { method: 'POST', path: '/lookup/a', status: 404, body: {} })).toEqual([
      { in: 'operation', at: '/lookup/{name}/{sub}', message: 'status 404 is not documented' },
    ]);
  });

  it('accepts `nullable: true` without a type (OpenAPI 3.0 gives it no effect; Ajv alone refuses it)', () => {
    const loose = openApiDocument({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/x': {
          get: {
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      required: ['result'],
                      properties: { result: { nullable: true }, n: { type: 'integer' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    });
    for (const result of [null, 3, { a: 1 }]) {
      expect(validateResponse(loose, { method: 'GET', path: '/x', status: 200, body: { result } })).toEqual(
        [],
      );
    }
    expect(validateResponse(loose, { method: 'GET', path: '/x', status: 200, body: { n: 1 } })).toEqual([
      { in: 'body', at: '', message: "must have required property 'result'" },
    ]);
  });
});

describe('validateRequest', () => {
  it('checks query, path and header parameters (coercing their strings) and the JSON body', () => {
    expect(
      validateRequest(tiny, {
        method: 'GET',
        path: '/items/7',
        query: { limit: '50' },
        headers: { 'idempotency-key': 'abc' },
      }),
    ).toEqual([]);
    const issues = validateRequest(tiny, {
      method: 'GET',
      path: '/items/x?limit=51',
      headers: { 'Idempotency-Key': 'abcd' },
    });
    expect(issues.map((i) => `${i.in} ${i.at} ${i.message}`).sort()).toEqual([
      'header Idempotency-Key must NOT have more than 3 characters',
      'path id must be integer',
      'query limit must be <= 50',
    ]);
    expect(validateRequest(tiny, { method: 'GET', path: '/items/7' })).toEqual([
      { in: 'query', at: 'limit', message: 'is required' },
    ]);
  });

  it('treats an x-optional-segment path parameter as optional, and requires a required body', () => {
    expect(validateRequest(tiny, { method: 'POST', path: '/lookup/a', body: { n: 1 } })).toEqual([]);
    expect(validateRequest(tiny, { method: 'POST', path: '/lookup/a/', body: { n: 1 } })).toEqual([]);
    expect(validateRequest(tiny, { method: 'POST', path: '/lookup/a/b', body: { n: '1' } })).toEqual([
      { in: 'body', at: '/n', message: 'must be integer' },
    ]);
    expect(validateRequest(tiny, { method: 'POST', path: '/lookup/a' })).toEqual([
      { in: 'body', at: '', message: 'a request body is required' },
    ]);
  });
});

describe('validateRequest with an array query parameter (repeated keys)', () => {
  const listed = openApiDocument({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/search': {
        get: {
          parameters: [
            {
              name: 'extensions',
              in: 'query',
              schema: { type: 'array', items: { type: 'string', enum: ['com', 'dev'] } },
            },
          ],
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  });

  it('accepts the key once (one string) or repeated, and checks each item', () => {
    expect(validateRequest(listed, { method: 'GET', path: '/search?extensions=com' })).toEqual([]);
    expect(
      validateRequest(listed, { method: 'GET', path: '/search', query: { extensions: ['com', 'dev'] } }),
    ).toEqual([]);
    expect(validateRequest(listed, { method: 'GET', path: '/search?extensions=org' })).toEqual([
      { in: 'query', at: 'extensions/0', message: 'must be equal to one of the allowed values (com, dev)' },
    ]);
  });
});

describe('loadOpenApi with the Porkbun excerpt', () => {
  const spec = loadOpenApi(PORKBUN_SPEC);

  it('strips the server path and resolves component $refs', () => {
    expect(spec.basePath).toBe('/api/json/v3');
    const body = {
      status: 'SUCCESS',
      records: [
        {
          id: '1',
          name: 'example.com',
          type: 'A',
          content: '192.0.2.1',
          ttl: '600',
          prio: null,
          notes: null,
        },
      ],
    };
    expect(
      validateResponse(spec, {
        method: 'POST',
        path: '/api/json/v3/dns/retrieve/example.com',
        status: 200,
        body,
      }),
    ).toEqual([]);
    expect(
      validateResponse(spec, {
        method: 'POST',
        path: '/api/json/v3/dns/retrieve/example.com',
        status: 200,
        body: { status: 'SUCCESS', records: [{ id: 1 }] },
      }),
    ).toEqual([{ in: 'body', at: '/records/0/id', message: 'must be string' }]);
  });

  it('checks a request body against the operation schema (body credentials are required there)', () => {
    expect(
      validateRequest(spec, {
        method: 'POST',
        path: '/api/json/v3/dns/create/example.com',
        body: { apikey: 'k', secretapikey: 's', type: 'A', content: '192.0.2.1', ttl: 600 },
      }),
    ).toEqual([]);
    expect(
      validateRequest(spec, {
        method: 'POST',
        path: '/api/json/v3/dns/create/example.com',
        body: { type: 'PTR', content: 'x' },
      }).map((i) => i.message),
    ).toEqual([
      "must have required property 'apikey'",
      "must have required property 'secretapikey'",
      'must be equal to one of the allowed values (A, AAAA, MX, CNAME, ALIAS, TXT, NS, SRV, TLSA, CAA, SSHFP, HTTPS, SVCB)',
    ]);
  });
});
