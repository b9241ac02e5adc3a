/**
 * A loopback emulator of the Namecheap XML API (`/xml.response`), written from Namecheap's
 * documentation and recorded sandbox answers as summarised in docs/providers/namecheap.md. One
 * endpoint, GET or form POST, the command in the `Command` parameter; global parameters and the IP
 * whitelist checked first; per-minute/hour/day limits answered with a bare HTTP 405.
 */
import { isIPv4 } from 'node:net';
import { startEmulatorServer } from '../emulator/emulator-server.js';
import type {
  CommonEmulatorOptions,
  EmulatorApp,
  EmulatorRequest,
  EmulatorResponse,
  EmulatorRoute,
  RateLimitBucket,
  RunningEmulator,
} from '../emulator/emulator-types.js';
import { resolveSeed, seedInfoOf } from '../emulator/seed-data.js';
import {
  commandRoutes,
  type EnvelopeSettings,
  errorResponse,
  NAMECHEAP_BUCKETS_USED,
  NAMECHEAP_HEADERS,
  NAMECHEAP_PATH,
} from './namecheap-commands.js';
import { NAMECHEAP_DNS_COMMANDS } from './namecheap-dns-commands.js';
import { NAMECHEAP_DOMAIN_COMMANDS } from './namecheap-domain-commands.js';
import { NC } from './namecheap-errors.js';
import type { EmailType } from './namecheap-host-rules.js';
import { namecheapHostile } from './namecheap-hostile.js';
import { NAMECHEAP_ORDER_COMMANDS } from './namecheap-order-commands.js';
import { commandOf, paramsOf } from './namecheap-params.js';
import { NamecheapState } from './namecheap-state.js';
import { NAMECHEAP_EXTRA_TLD_PRICES } from './namecheap-tlds.js';
import { NAMECHEAP_WHOISGUARD_COMMANDS } from './namecheap-whoisguard-commands.js';

export const NAMECHEAP_TEST_API_USER = 'nc-test-user';
export const NAMECHEAP_TEST_API_KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
/** The default `ClientIp` (a documentation address, RFC 5737). */
export const NAMECHEAP_TEST_CLIENT_IP = '203.0.113.10';
/** `Server` element values seen on the two hosts. */
/** The account holder's details, sent inline with a registration (`seedInfo.contact`). */
const SEED_CONTACT = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44.2071234567',
  address1: '1 Example Street',
  city: 'London',
  stateProvince: 'London',
  postalCode: 'N1 1AA',
  country: 'GB',
} as const;

export const NAMECHEAP_SERVERS = { sandbox: 'PHX01SBAPIEXT01', production: 'PHX01APIEXT03' } as const;
export const NAMECHEAP_REJECTED_AUTH_CODES = ['invalid-auth-code'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface NamecheapEmulatorOptions extends CommonEmulatorOptions {
  apiUser?: string;
  apiKey?: string;
  /** Accepted `UserName` (default: the ApiUser). */
  userName?: string;
  /** The `ClientIp` value the adapter sends by default (`seedInfo.credentials.clientIp`). */
  clientIp?: string;
  /** Whitelisted IPv4 addresses (default: `127.0.0.1` and `clientIp`). */
  whitelist?: string[];
  /**
   * What the whitelist is checked against: `both` (default) the `ClientIp` value and the TCP peer;
   * `peer` only the peer (what the live API is believed to do); `client-ip` only the parameter.
   */
  ipCheck?: 'both' | 'peer' | 'client-ip';
  /**
   * The sandbox (api.sandbox.namecheap.com) instead of production: no money moves (no ledger
   * entries, no balance change), the `Server` element names a sandbox host, and API access needs
   * no enabling. Default false.
   */
  sandbox?: boolean;
  /** Production only: false answers every call with 1011102, as an account without API access. */
  apiAccessEnabled?: boolean;
  /** Requests per minute/hour/day (defaults 20/700/8000), windows scaled by `timeScale`. */
  limits?: { minute?: number; hour?: number; day?: number };
  /** The over-limit answer: `http-405` (default, current) or `xml-500000` (the 2018 answer). */
  overLimit?: 'http-405' | 'xml-500000';
  /** Account balance charges are drawn from (default `100000.00`). */
  balance?: string;
  /** ICANN fee per year on gTLDs, as `AdditionalCost` (default `0.00`; live showed 0.18). */
  icannFee?: string;
  /** EmailType of a newly registered domain (default `NONE`; `FWD` was seen in 2020). */
  newDomainEmailType?: EmailType;
  /** Clock (default: the wall clock). */
  now?: () => Date;
  /** EPP codes with which a transfer is cancelled (status 32). */
  rejectedAuthCodes?: string[];
  /** `on-read` (default): each getStatus moves a transfer one step; `manual`: `state.setTransferStatus`. */
  transferAdvance?: 'on-read' | 'manual';
}

/** Per ApiUser: 20/minute, 700/hour, 8000/day (docs/providers/namecheap.md#rate-limits). */
export function namecheapBuckets(
  limits: NamecheapEmulatorOptions['limits'] = {},
): Record<string, RateLimitBucket> {
  return {
    minute: { limit: limits.minute ?? 20, intervalMs: MINUTE },
    hour: { limit: limits.hour ?? 700, intervalMs: HOUR },
    day: { limit: limits.day ?? 8000, intervalMs: DAY },
  };
}

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** IPv4-mapped IPv6 peers (`::ffff:127.0.0.1`) as plain IPv4. */
function peerAddress(req: EmulatorRequest): string {
  return (req.remoteAddress ?? '').replace(/^::ffff:/, '');
}

export function createNamecheapApp(options: NamecheapEmulatorOptions = {}): EmulatorApp<NamecheapState> {
  const apiUser = options.apiUser ?? NAMECHEAP_TEST_API_USER;
  const apiKey = options.apiKey ?? NAMECHEAP_TEST_API_KEY;
  const userName = options.userName ?? apiUser;
  const clientIp = options.clientIp ?? NAMECHEAP_TEST_CLIENT_IP;
  const whitelist = new Set(options.whitelist ?? ['127.0.0.1', clientIp]);
  const ipCheck = options.ipCheck ?? 'both';
  const sandbox = options.sandbox ?? false;
  const accessEnabled = sandbox || options.apiAccessEnabled !== false;
  const seed = resolveSeed({
    ...options.seed,
    tldPrices: options.seed?.tldPrices ?? {
      ...resolveSeed(undefined).tldPrices,
      ...NAMECHEAP_EXTRA_TLD_PRICES,
    },
  });
  const state = new NamecheapState(seed, {
    userName,
    now: options.now ?? (() => new Date()),
    balance: options.balance ?? '100000.00',
    icannFee: options.icannFee ?? '0.00',
    newDomainEmailType: options.newDomainEmailType ?? 'NONE',
    rejectedAuthCodes: options.rejectedAuthCodes ?? NAMECHEAP_REJECTED_AUTH_CODES,
    transferAdvance: options.transferAdvance ?? 'on-read',
    sandbox,
  });
  const settings: EnvelopeSettings = {
    server: sandbox ? NAMECHEAP_SERVERS.sandbox : NAMECHEAP_SERVERS.production,
    gmtTimeDifference: '--4:00',
  };
  const authError = (number: number, text: string): EmulatorResponse =>
    errorResponse(settings, { number, text }, { requested: '', type: null });

  const unknownCommand = (method: 'GET' | 'POST'): EmulatorRoute => ({
    method,
    path: NAMECHEAP_PATH,
    operation: 'unknownCommand',
    bucket: NAMECHEAP_BUCKETS_USED,
    handler: (req) =>
      errorResponse(
        settings,
        { number: NC.COMMAND_INVALID, text: 'Parameter Command is invalid' },
        { requested: commandOf(req) ?? '', type: null },
      ),
  });

  const seedInfo = {
    ...seedInfoOf(seed, state.currency, { apiUser, apiKey, userName, clientIp }),
    // domains.create takes the four contact blocks inline; there are no contact ids
    // (https://www.namecheap.com/support/api/methods/domains/create/).
    contact: SEED_CONTACT,
  };
  const commands = [
    ...NAMECHEAP_DOMAIN_COMMANDS,
    ...NAMECHEAP_DNS_COMMANDS,
    ...NAMECHEAP_ORDER_COMMANDS,
    ...NAMECHEAP_WHOISGUARD_COMMANDS,
  ];
  return {
    name: 'namecheap',
    state,
    formBodies: true,
    routes: [...commandRoutes(commands, state, settings), unknownCommand('GET'), unknownCommand('POST')],
    buckets: namecheapBuckets(options.limits),
    authenticate(req) {
      // The order of the checks is not documented; missing parameters first, then the key, the IP, the user.
      const params = paramsOf(req);
      const sentUser = params.get('ApiUser');
      if (sentUser === undefined) return authError(NC.API_USER_MISSING, 'Parameter ApiUser is missing');
      const sentKey = params.get('ApiKey');
      if (sentKey === undefined) return authError(NC.API_KEY_MISSING, 'Parameter APIKey is missing');
      if (params.get('Command') === undefined)
        return authError(NC.COMMAND_MISSING, 'Parameter Command is missing');
      const sentIp = params.get('ClientIp');
      if (sentIp === undefined) return authError(NC.CLIENT_IP_MISSING, 'Parameter ClientIp is missing');
      if (!isIPv4(sentIp)) return authError(NC.CLIENT_IP_INVALID, 'Parameter ClientIp is invalid');
      if (!same(sentUser, apiUser) || sentKey !== apiKey || !accessEnabled)
        return authError(NC.API_KEY_INVALID, 'API Key is invalid or API access has not been enabled');
      const peer = peerAddress(req);
      if (ipCheck !== 'client-ip' && !whitelist.has(peer))
        return authError(NC.REQUEST_IP_INVALID, `Invalid request IP: ${peer}`);
      if (ipCheck !== 'peer' && !whitelist.has(sentIp))
        return authError(NC.REQUEST_IP_INVALID, `Invalid request IP: ${sentIp}`);
      const sentUserName = params.get('UserName');
      if (sentUserName === undefined) return authError(NC.USER_NAME_MISSING, 'Parameter UserName is missing');
      if (!same(sentUserName, userName))
        return authError(NC.USER_NAME_UNAUTHORIZED, 'UserName is unauthorized');
      return null;
    },
    errorBody(status, message, req) {
      // Injected faults and unknown paths: the envelope with the unhandled-error number.
      return errorResponse(
        settings,
        { number: NC.UNHANDLED, text: `${message} (HTTP ${status})` },
        { requested: req ? (commandOf(req) ?? '') : '', type: null },
      ).body;
    },
    responseHeaders: () => ({ ...NAMECHEAP_HEADERS }),
    rateLimitResponse(req) {
      if (options.overLimit === 'xml-500000') {
        return errorResponse(
          settings,
          { number: NC.TOO_MANY_REQUESTS, text: 'Too many requests' },
          { requested: commandOf(req) ?? '', type: null },
        );
      }
      // Nothing was executed; the body and its type are not documented (an empty HTML answer).
      return { status: 405, body: '', headers: { 'content-type': 'text/html' } };
    },
    ledger: state.ledger,
    seedInfo,
    hostile: namecheapHostile,
  };
}

/** Starts the Namecheap emulator on 127.0.0.1 (a free port unless `port` is given). */
export function startNamecheapEmulator(
  options: NamecheapEmulatorOptions = {},
): Promise<RunningEmulator<NamecheapState>> {
  return startEmulatorServer(createNamecheapApp(options), options);
}
