/** Plain-fetch helper for the Glauca emulator's own tests (no adapter involved). */
import { afterEach } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { DEFAULT_TOKEN } from './glauca-auth.js';
import { type GlaucaEmulatorOptions, startGlaucaEmulator } from './glauca-emulator.js';
import type { GlaucaState } from './glauca-state.js';

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  body: any;
  text: string;
}

export function glaucaClient(baseUrl: string, authorization: string | null = `Bearer ${DEFAULT_TOKEN}`) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<CallResult> => {
    const init: RequestInit = {
      method,
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(authorization ? { authorization } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(`${baseUrl}${path}`, init);
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
}

/**
 * `start(options)` for a test file: starts a Glauca emulator with a client for it; every emulator
 * started is closed after each test (closing is idempotent).
 */
export function glaucaTestStarter(): (
  options?: GlaucaEmulatorOptions,
) => Promise<{ emu: RunningEmulator<GlaucaState>; call: ReturnType<typeof glaucaClient> }> {
  const running: RunningEmulator<GlaucaState>[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
  });
  return async (options = {}) => {
    const emu = await startGlaucaEmulator(options);
    running.push(emu);
    return { emu, call: glaucaClient(emu.url) };
  };
}

/** The id of a domain by name, from the domain list. */
export async function domainIdOf(call: ReturnType<typeof glaucaClient>, name: string): Promise<string> {
  const list = await call('GET', '/api/domains/');
  const found = list.body.find((d: { domain: string }) => d.domain === name);
  if (!found) throw new Error(`no ${name}`);
  return found.id;
}

/** A registration order body for the default contact (2 years, off-session), with `extra` fields. */
export function registrationOrderBody(
  emu: RunningEmulator<GlaucaState>,
  domain: string,
  extra: Record<string, unknown> = {},
) {
  return {
    domain,
    period: { unit: 'y', value: 2 },
    registrant: emu.state.defaultContactId,
    admin_contact: null,
    billing_contact: null,
    tech_contact: null,
    off_session: true,
    ...extra,
  };
}
