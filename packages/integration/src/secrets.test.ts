/**
 * Secrets: for each adapter, a failing call of each kind (401, 500, network error, malformed body)
 * made with a recognisable key: the key is absent from the error (message, stack, String(),
 * JSON.stringify, toJSON, util.inspect depth 10 with showHidden, the whole cause chain), from every
 * `onEvent` event, and from the CLI's output (with and without --json and --debug).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isRegistrarError, type TransportEvent } from '@registrar-kit/core';
import {
  errorRenderings,
  type FaultKind,
  PROVIDER_EMULATORS,
  startCloudflareEmulator,
  startDnsimpleEmulator,
  startDomainrEmulator,
  startGlaucaEmulator,
  startNamecheapEmulator,
  startPocketDnsEmulator,
  startPorkbunEmulator,
} from '@registrar-kit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnyEmulator,
  createFor,
  FAST_RETRY,
  factoryOptions,
  PROVIDER_IDS,
  PROVIDER_INFO,
  type ProviderId,
} from './support/providers.js';
import { closedPort } from './support/renderings.js';

const run = promisify(execFile);
const keyOf = (provider: ProviderId) => `sk_live_RECOGNISABLE_${provider}`;

/** Emulators that accept the recognisable key (for the 500 and malformed-body cases). */
async function acceptingEmulator(provider: ProviderId): Promise<AnyEmulator> {
  const key = keyOf(provider);
  switch (provider) {
    case 'pocketdns':
      return (await startPocketDnsEmulator({ apiKey: key, rateLimits: false })) as AnyEmulator;
    case 'dnsimple':
      return (await startDnsimpleEmulator({ token: key, rateLimits: false })) as AnyEmulator;
    case 'glauca':
      return (await startGlaucaEmulator({ tokens: [key], rateLimits: false })) as AnyEmulator;
    case 'domainr':
      return (await startDomainrEmulator({
        credentials: { clientId: key },
        rateLimits: false,
      })) as AnyEmulator;
    // Porkbun's pair: the recognisable key is the API key (the secret key stays the emulator's).
    case 'porkbun':
      return (await startPorkbunEmulator({ apiKey: key, rateLimits: false })) as AnyEmulator;
    // Namecheap's only secret is the ApiKey (ApiUser, UserName and ClientIp are not secret).
    case 'namecheap':
      return (await startNamecheapEmulator({ apiKey: key, rateLimits: false })) as AnyEmulator;
    case 'cloudflare':
      return (await startCloudflareEmulator({ apiToken: key, rateLimits: false })) as AnyEmulator;
  }
}

/** Emulators with their default credentials: the recognisable key is refused (401, Glauca's 403 Invalid token). */
async function refusingEmulator(provider: ProviderId): Promise<AnyEmulator> {
  return PROVIDER_EMULATORS[provider].start({ rateLimits: false });
}

const ALWAYS = (fault: FaultKind) => [{ fault }];

describe.each(PROVIDER_IDS)('secrets: %s', (provider) => {
  const key = keyOf(provider);
  let accepting: AnyEmulator;
  let refusing: AnyEmulator;
  let closed: number;
  beforeAll(async () => {
    [accepting, refusing, closed] = await Promise.all([
      acceptingEmulator(provider),
      refusingEmulator(provider),
      closedPort(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([accepting?.close(), refusing?.close()]);
  });

  /** Where the call goes; `credentialsFrom`: whose other credentials to send when no emulator answers. */
  type Setup = {
    url: string;
    emulator: AnyEmulator | null;
    faults?: FaultKind;
    credentialsFrom?: AnyEmulator;
  };
  const cases: [string, () => Setup][] = [
    ['401 (key refused)', () => ({ url: refusing.url, emulator: refusing })],
    ['500', () => ({ url: accepting.url, emulator: accepting, faults: { type: 'status', status: 500 } })],
    // The other required credentials (Porkbun's secret key, Namecheap's ApiUser and ClientIp) are the
    // accepting emulator's, so the call reaches the network instead of stopping at a missing credential.
    [
      'network error (closed port)',
      () => ({ url: `http://127.0.0.1:${closed}`, emulator: null, credentialsFrom: accepting }),
    ],
    [
      'malformed body',
      () => ({ url: accepting.url, emulator: accepting, faults: { type: 'malformed-json' } }),
    ],
    ['reset', () => ({ url: accepting.url, emulator: accepting, faults: { type: 'reset-before' } })],
  ];

  it.each(cases)('%s: the key is in no rendering of the error and in no event', async (_name, setup) => {
    const { url, emulator, faults, credentialsFrom } = setup();
    emulator?.setFaults(faults ? ALWAYS(faults) : []);
    const events: TransportEvent[] = [];
    const registrar = createFor(provider, emulator ?? credentialsFrom ?? null, url, {
      credential: key,
      retry: FAST_RETRY,
      rateLimit: false,
      onEvent: (event) => events.push(event),
    });
    let error: unknown;
    try {
      await registrar.checkAvailability('available-name.com');
    } catch (caught) {
      error = caught;
    } finally {
      emulator?.setFaults([]);
    }
    expect(error, 'the call fails').toBeDefined();
    expect(isRegistrarError(error), String(error)).toBe(true);
    if (emulator) expect(emulator.requests.length, 'the request reached the emulator').toBeGreaterThan(0);
    const leaks = errorRenderings(error).filter((text) => text.includes(key));
    expect(leaks).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((event) => JSON.stringify(event)).filter((text) => text.includes(key))).toEqual([]);
  });
});

const cli = fileURLToPath(new URL('../../registrar-kit/dist/cli.js', import.meta.url));
const cliMissing = existsSync(cli)
  ? null
  : 'the CLI is not built (packages/registrar-kit/dist/cli.js; pnpm build)';

const ENV_VAR: Record<ProviderId, string> = {
  pocketdns: 'POCKETDNS_API_KEY',
  dnsimple: 'DNSIMPLE_TOKEN',
  glauca: 'GLAUCA_TOKEN',
  domainr: 'DOMAINR_CLIENT_ID',
  porkbun: 'PORKBUN_API_KEY',
  namecheap: 'NAMECHEAP_API_KEY',
  cloudflare: 'CLOUDFLARE_API_TOKEN',
};

/** The provider's other credentials (Porkbun's secret key, Namecheap's user and IP…) from the emulator's seed. */
function otherCredentials(provider: ProviderId, emulator: AnyEmulator): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const { option, env: name } of PROVIDER_INFO[provider].credentials) {
    const value = emulator.seedInfo.credentials[option];
    if (name !== ENV_VAR[provider] && value !== undefined) env[name] = value;
  }
  return env;
}

describe.skipIf(cliMissing)(
  `secrets in the CLI's output${cliMissing ? ` (skipped: ${cliMissing})` : ''}`,
  () => {
    const emulators = new Map<ProviderId, AnyEmulator>();
    let closed: number;
    beforeAll(async () => {
      closed = await closedPort();
      for (const provider of PROVIDER_IDS) emulators.set(provider, await refusingEmulator(provider));
    });
    afterAll(async () => {
      await Promise.all([...emulators.values()].map((emulator) => emulator.close()));
    });

    // One test for every provider so the CLI processes run at once (each takes about a second to start).
    it("a refused key and a closed port, with and without --json and --debug: no provider's key is printed", async () => {
      await Promise.all(PROVIDER_IDS.map((provider) => cliCase(provider)));
    }, 120_000);

    async function cliCase(provider: ProviderId): Promise<void> {
      const key = keyOf(provider);
      const refusing = emulators.get(provider)!;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NO_COLOR: '1',
        ...otherCredentials(provider, refusing),
        [ENV_VAR[provider]]: key,
        DNSIMPLE_ACCOUNT_ID: '1010',
      };
      // The API root under the emulator (Porkbun's /api/json/v3, Cloudflare's /client/v4).
      const baseOf = (url: string) => String(factoryOptions(provider, refusing, url).baseURL);
      const from = refusing.requests.length;
      // Every flag combination against the refusing emulator; the closed port (default retries: the
      // slow case) with all flags on.
      const invocations = [
        ...[[], ['--json'], ['--debug'], ['--json', '--debug']].map((flags) => ({
          target: 'refused key',
          url: baseOf(refusing.url),
          flags,
        })),
        // Porkbun's default retries wait for its checkDomain bucket (1 per 10 s,
        // https://porkbun.com/api/json/v3/documentation#Domain%20Check): this run takes about 30 s.
        { target: 'closed port', url: baseOf(`http://127.0.0.1:${closed}`), flags: ['--json', '--debug'] },
      ];
      const runs = invocations.map(async ({ target, url, flags }) => {
        const args = [
          cli,
          ...flags,
          '--base-url',
          url,
          'check',
          '--provider',
          provider,
          'available-name.com',
        ];
        const output = await run(process.execPath, args, { env, timeout: 60_000 }).catch(
          (error: { stdout?: string; stderr?: string }) => error,
        );
        return {
          label: `${target} ${flags.join(' ') || '(no flags)'}`,
          text: `${output.stdout ?? ''}\n${output.stderr ?? ''}`,
        };
      });
      const outputs = await Promise.all(runs);
      for (const { label, text } of outputs) {
        expect(text.length, `${label}: the CLI printed something`).toBeGreaterThan(0);
        expect(text.includes(key), `${label}: ${text}`).toBe(false);
      }
      // The failure is reported (not a crash without output): an error row or an error document.
      for (const { label, text } of outputs)
        expect(/error/i.test(text), `${provider} ${label}: ${text}`).toBe(true);
      // And the CLI did send the key from the environment (so the check above means something).
      // (Namecheap sends its ApiKey in the POST form, so the body counts too.)
      const sent = refusing.requests.slice(from).map((r) => JSON.stringify([r.headers, r.query, r.body]));
      expect(
        sent.some((text) => text.includes(key)),
        `${provider}: ${sent.length} requests`,
      ).toBe(true);
    }
  },
);
