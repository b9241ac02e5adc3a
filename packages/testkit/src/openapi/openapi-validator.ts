/**
 * Checks HTTP requests and responses against an OpenAPI 3.0/3.1 document: finds the operation for a
 * method and a concrete path, then validates the JSON body (and query, path and header parameters)
 * with Ajv against the operation's schemas. `$ref`s into the document resolve through Ajv itself
 * (the whole document is registered once under an id). OpenAPI 3.0's `nullable` is an Ajv keyword;
 * vendor extensions (`x-*`) and annotations (`example`) are ignored.
 *
 * The functions return a list of issues instead of throwing, so a test can assert "no issues" or
 * an exact list of known deviations.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its default export arrives wrapped under some module settings.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

type JsonObject = Record<string, unknown>;

export interface OpenApiIssue {
  /** Where: `body`, `query`, `path`, `header`, or `operation` (no such operation / status). */
  in: 'body' | 'query' | 'path' | 'header' | 'operation';
  /** JSON pointer into the checked value (`/domains/0/autoRenew`), or the parameter name. */
  at: string;
  message: string;
}

export interface OpenApiDocument {
  /** The parsed document. */
  readonly document: JsonObject;
  /** The path prefix of the first server URL (`/api/json/v3`), stripped from concrete paths. */
  readonly basePath: string;
}

export interface ResponseToValidate {
  method: string;
  /** Concrete path (`/api/json/v3/dns/retrieve/example.com`, query allowed) or the spec's template. */
  path: string;
  status: number;
  body: unknown;
}

export interface RequestToValidate {
  method: string;
  path: string;
  /** The JSON body as sent (undefined = none). */
  body?: unknown;
  /** Query parameters; also read from `path` when it carries `?…`. */
  query?: Record<string, string | string[]>;
  /** Request headers (names case-insensitive), checked against `in: header` parameters. */
  headers?: Record<string, string | undefined>;
}

interface Compiled {
  ajv: Ajv;
  /** Ajv with type coercion, for parameters (query/path/header values are strings). */
  params: Ajv;
  cache: Map<string, ValidateFunction>;
  templates: { template: string; pattern: RegExp; literals: number; names: string[] }[];
}

const DOCUMENT_ID = 'openapi-document';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const compiled = new WeakMap<OpenApiDocument, Compiled>();

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A JSON pointer segment in URI-fragment form (Ajv resolves `$ref`s as URIs). */
function escapePointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function newAjv(is31: boolean, coerceTypes: false | 'array'): Ajv {
  const options = { strict: false, allErrors: true, coerceTypes, validateFormats: true } as const;
  const ajv = is31 ? (new Ajv2020(options) as unknown as Ajv) : new Ajv(options);
  addFormats(ajv);
  return ajv;
}

/** Reads and parses an OpenAPI document (JSON) from a file. */
export function loadOpenApi(path: string): OpenApiDocument {
  return openApiDocument(JSON.parse(readFileSync(path, 'utf8')) as JsonObject);
}

/** Wraps an already parsed OpenAPI document. */
export function openApiDocument(document: JsonObject): OpenApiDocument {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const first = isObject(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : '';
  let basePath = '';
  try {
    basePath = new URL(first, 'http://base.invalid').pathname.replace(/\/+$/, '');
  } catch {
    basePath = '';
  }
  return { document, basePath };
}

/**
 * A copy without `nullable: true` on schemas that have no `type`: OpenAPI 3.0.3 allows it and gives
 * it no effect (https://spec.openapis.org/oas/v3.0.3#fixed-fields-19), while Ajv refuses to compile it.
 */
function withoutUntypedNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUntypedNullable);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'nullable' && child === true && !('type' in value)) continue;
    out[key] = withoutUntypedNullable(child);
  }
  return out;
}

function compile(spec: OpenApiDocument): Compiled {
  const existing = compiled.get(spec);
  if (existing) return existing;
  const is31 = String(spec.document.openapi ?? '').startsWith('3.1');
  const ajv = newAjv(is31, false);
  // Parameters arrive as strings, and a repeated-key array parameter given once as one string.
  const params = newAjv(is31, 'array');
  const schemas = is31 ? spec.document : (withoutUntypedNullable(spec.document) as JsonObject);
  ajv.addSchema(schemas, DOCUMENT_ID);
  params.addSchema(schemas, DOCUMENT_ID);
  const templates: Compiled['templates'] = [];
  const paths = isObject(spec.document.paths) ? spec.document.paths : {};
  for (const [template, item] of Object.entries(paths)) {
    const names: string[] = [];
    const optional = optionalSegments(item);
    const source = template
      .split('/')
      .map((segment, i) => {
        if (i === 0) return '';
        const param = /^\{(.+)\}$/.exec(segment)?.[1];
        if (param === undefined) return `/${escapeRegExp(segment)}`;
        names.push(param);
        // An optional trailing segment may be absent or empty (`…/A` or `…/A/`).
        return optional.has(param) ? '(?:/([^/]*))?' : '/([^/]+)';
      })
      .join('');
    const literals = template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;
    templates.push({ template, pattern: new RegExp(`^${source}$`), literals, names });
  }
  // Concrete paths win over templated ones (OpenAPI's matching rule).
  templates.sort((a, b) => b.literals - a.literals);
  const result = { ajv, params, cache: new Map(), templates };
  compiled.set(spec, result);
  return result;
}

/** Path parameters marked `x-optional-segment` (an OpenAPI 3.0 stand-in for an optional segment). */
function optionalSegments(item: unknown): Set<string> {
  const out = new Set<string>();
  if (!isObject(item)) return out;
  const lists = [item.parameters, ...HTTP_METHODS.map((m) => (isObject(item[m]) ? item[m].parameters : []))];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const p of list) if (isObject(p) && p['x-optional-segment'] === true) out.add(String(p.name));
  }
  return out;
}

interface FoundOperation {
  template: string;
  pointer: string;
  operation: JsonObject;
  pathParams: Record<string, string>;
  parameters: { pointer: string; value: JsonObject }[];
}

function splitPath(path: string): { pathname: string; search: string } {
  const q = path.indexOf('?');
  return q < 0 ? { pathname: path, search: '' } : { pathname: path.slice(0, q), search: path.slice(q + 1) };
}

function findOperation(spec: OpenApiDocument, method: string, path: string): FoundOperation | null {
  const { templates } = compile(spec);
  const paths = spec.document.paths as JsonObject;
  let { pathname } = splitPath(path);
  if (spec.basePath && (pathname === spec.basePath || pathname.startsWith(`${spec.basePath}/`)))
    pathname = pathname.slice(spec.basePath.length) || '/';
  const lower = method.toLowerCase();
  for (const { template, pattern, names } of templates) {
    const item = paths[template];
    if (!isObject(item) || !isObject(item[lower])) continue;
    let pathParams: Record<string, string>;
    if (template === pathname) {
      pathParams = {};
    } else {
      const match = pattern.exec(pathname);
      if (!match) continue;
      pathParams = {};
      names.forEach((name, i) => {
        const raw = match[i + 1];
        if (raw !== undefined) pathParams[name] = decodeURIComponent(raw);
      });
    }
    const pointer = `#/paths/${escapePointer(template)}/${lower}`;
    const parameters: FoundOperation['parameters'] = [];
    const operation = item[lower] as JsonObject;
    const byKey = new Map<string, { pointer: string; value: JsonObject }>();
    const collect = (list: unknown, base: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((entry, i) => {
        const resolved = resolveRef(spec, entry);
        if (!resolved) return;
        const entryPointer = `${base}/parameters/${i}`;
        const at = isObject(entry) && typeof entry.$ref === 'string' ? entry.$ref : entryPointer;
        byKey.set(`${resolved.in}:${resolved.name}`, { pointer: at, value: resolved });
      });
    };
    collect(item.parameters, `#/paths/${escapePointer(template)}`);
    collect(operation.parameters, pointer);
    parameters.push(...byKey.values());
    return { template, pointer, operation, pathParams, parameters };
  }
  return null;
}

/** Follows a local `$ref` (`#/components/…`) to its target object. */
function resolveRef(spec: OpenApiDocument, value: unknown, depth = 0): JsonObject | null {
  if (!isObject(value)) return null;
  if (typeof value.$ref !== 'string') return value;
  if (depth > 20 || !value.$ref.startsWith('#/')) return null;
  let node: unknown = spec.document;
  for (const part of value.$ref.slice(2).split('/')) {
    if (!isObject(node)) return null;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return resolveRef(spec, node, depth + 1);
}

function validator(spec: OpenApiDocument, pointer: string, forParams = false): ValidateFunction {
  const c = compile(spec);
  const key = `${forParams ? 'p' : 'b'}${pointer}`;
  let fn = c.cache.get(key);
  if (!fn) {
    fn = (forParams ? c.params : c.ajv).compile({ $ref: `${DOCUMENT_ID}${pointer}` });
    c.cache.set(key, fn);
  }
  return fn;
}

function toIssues(where: OpenApiIssue['in'], prefix: string, errors: ErrorObject[] | null | undefined) {
  return (errors ?? []).map(
    (e): OpenApiIssue => ({
      in: where,
      at: `${prefix}${e.instancePath}`,
      message: `${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
    }),
  );
}

/** The JSON media type entry of a `content` map (`application/json`, or any `…json` type). */
function jsonMediaKey(content: unknown): string | null {
  if (!isObject(content)) return null;
  if (isObject(content['application/json'])) return 'application/json';
  return Object.keys(content).find((k) => /json/i.test(k)) ?? null;
}

/** Issues of a response against the operation's schema for its status (or `default`/`4XX`). */
export function validateResponse(spec: OpenApiDocument, response: ResponseToValidate): OpenApiIssue[] {
  const found = findOperation(spec, response.method, response.path);
  if (!found) {
    return [
      { in: 'operation', at: response.path, message: `no operation ${response.method} ${response.path}` },
    ];
  }
  const responses = isObject(found.operation.responses) ? found.operation.responses : {};
  const status = String(response.status);
  const key = [status, `${status[0]}XX`, 'default'].find((k) => k in responses);
  if (key === undefined) {
    return [{ in: 'operation', at: found.template, message: `status ${status} is not documented` }];
  }
  let pointer = `${found.pointer}/responses/${key}`;
  const entry = responses[key];
  const resolvedEntry = resolveRef(spec, entry);
  if (isObject(entry) && typeof entry.$ref === 'string') pointer = entry.$ref;
  const media = jsonMediaKey(resolvedEntry?.content);
  if (media === null) return [];
  const fn = validator(spec, `${pointer}/content/${escapePointer(media)}/schema`);
  return fn(response.body) ? [] : toIssues('body', '', fn.errors);
}

/** Issues of a request: its JSON body and its query, path and header parameters. */
export function validateRequest(spec: OpenApiDocument, request: RequestToValidate): OpenApiIssue[] {
  const found = findOperation(spec, request.method, request.path);
  if (!found) {
    return [{ in: 'operation', at: request.path, message: `no operation ${request.method} ${request.path}` }];
  }
  const issues: OpenApiIssue[] = [];
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(splitPath(request.path).search)) query[k] = v;
  Object.assign(query, request.query ?? {});
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers ?? {}))
    if (v !== undefined) headers[k.toLowerCase()] = v;

  for (const { pointer, value } of found.parameters) {
    const name = String(value.name);
    const where = value.in as OpenApiIssue['in'];
    const supplied =
      where === 'query'
        ? query[name]
        : where === 'path'
          ? found.pathParams[name]
          : where === 'header'
            ? headers[name.toLowerCase()]
            : undefined;
    if (where !== 'query' && where !== 'path' && where !== 'header') continue;
    const optionalSegment = value['x-optional-segment'] === true;
    if (supplied === undefined || (supplied === '' && optionalSegment)) {
      if (value.required === true && !optionalSegment)
        issues.push({ in: where, at: name, message: 'is required' });
      continue;
    }
    if (!isObject(value.schema)) continue;
    const fn = validator(spec, `${pointer}/schema`, true);
    if (!fn(supplied)) issues.push(...toIssues(where, name, fn.errors));
  }

  const body = resolveRef(spec, found.operation.requestBody);
  if (body) {
    let pointer = `${found.pointer}/requestBody`;
    const raw = found.operation.requestBody;
    if (isObject(raw) && typeof raw.$ref === 'string') pointer = raw.$ref;
    const media = jsonMediaKey(body.content);
    if (request.body === undefined) {
      if (body.required === true) issues.push({ in: 'body', at: '', message: 'a request body is required' });
    } else if (media !== null) {
      const fn = validator(spec, `${pointer}/content/${escapePointer(media)}/schema`);
      if (!fn(request.body)) issues.push(...toIssues('body', '', fn.errors));
    }
  }
  return issues;
}
