/**
 * Loopback emulator of the Cloudflare API v4 (https://api.cloudflare.com/client/v4): zones, DNS
 * records (with batch, import and export), zone DNSSEC, accounts and token verification, and the
 * 2026 Registrar API with its sandbox. Written from Cloudflare's docs and OpenAPI files as
 * summarised in docs/providers/cloudflare.md, never from adapter code. Paths keep the
 * `/client/v4` prefix, so an adapter's `baseURL` is the emulator's `url`.
 */
import { startEmulatorServer } from '../emulator/emulator-server.js';
import type {
  CommonEmulatorOptions,
  EmulatorApp,
  EmulatorRequest,
  LedgerEntry,
  RunningEmulator,
} from '../emulator/emulator-types.js';
import { resolveSeed, seedInfoOf } from '../emulator/seed-data.js';
import { authenticate, CLOUDFLARE_CURRENCY, type CloudflareContext } from './cloudflare-context.js';
import { statusErrorBody } from './cloudflare-errors.js';
import { cloudflareHostile } from './cloudflare-hostile.js';
import { identityRoutes } from './cloudflare-routes-identity.js';
import { recordRoutes } from './cloudflare-routes-records.js';
import { registrarRoutes } from './cloudflare-routes-registrar.js';
import { transferRoutes } from './cloudflare-routes-transfer.js';
import { zoneFileRoutes } from './cloudflare-routes-zone-file.js';
import { zoneRoutes } from './cloudflare-routes-zones.js';
import { hexId, type ZonePlan } from './cloudflare-shapes.js';
import { CloudflareState } from './cloudflare-state.js';

export const CLOUDFLARE_DEFAULT_TOKEN = 'cloudflare-test-token';
export const CLOUDFLARE_DEFAULT_ACCOUNT_ID = hexId('cloudflare-emulator-account');
/** Requests per user/token in five minutes (docs/providers/cloudflare.md#rate-limits). */
export const CLOUDFLARE_REQUEST_LIMIT = 1200;
/** Every path of the API starts with this. */
export const CLOUDFLARE_API_PREFIX = '/client/v4';
const FIVE_MINUTES_MS = 300_000;

export interface CloudflareEmulatorOptions extends CommonEmulatorOptions {
  /** API token accepted as `Authorization: Bearer <token>` (default 'cloudflare-test-token'). */
  apiToken?: string;
  /** A second token with read permissions only: every non-GET answers 403/10000. */
  readOnlyToken?: string;
  /** The account the token is a member of (32-hex; default a fixed id). */
  accountId?: string;
  /** Further (empty) accounts the token is a member of: account discovery is then ambiguous. */
  extraAccountIds?: string[];
  /** HTTP status for an unknown token: 401 (default) or 403; the docs do not say which. */
  invalidTokenStatus?: 401 | 403;
  /** Whether the token holds the "Registrar Sandbox" permission (default true). */
  sandboxPermission?: boolean;
  /** Plan of every zone: sets the record quota default, the batch limit and the minimum TTL (default 'free'). */
  plan?: ZonePlan;
  /** Records a zone may hold (default 200 on free, 3,500 on paid plans, null = none). */
  recordQuota?: number | null;
  /** Seeded zones (names) with DNSSEC active. */
  dnssecActive?: string[];
  /** The account has a default registrant contact, so registration works without `contacts` (default true). */
  defaultRegistrantContact?: boolean;
  /** Most domains one account may register (default 500, the docs' error message; the SDK says 100). */
  domainLimit?: number;
  /** Expected transfer auth codes (plain text) per domain; other domains accept any base64 code. */
  authCodes?: Record<string, string>;
  /** Requests per five minutes (default 1200; lower it to reach the limit quickly). */
  requestLimit?: number;
}

export type CloudflareEmulator = RunningEmulator<CloudflareState>;

export function startCloudflareEmulator(
  options: CloudflareEmulatorOptions = {},
): Promise<CloudflareEmulator> {
  return startEmulatorServer(createCloudflareApp(options), options);
}

export function createCloudflareApp(options: CloudflareEmulatorOptions = {}): EmulatorApp<CloudflareState> {
  const token = options.apiToken ?? CLOUDFLARE_DEFAULT_TOKEN;
  const accountId = options.accountId ?? CLOUDFLARE_DEFAULT_ACCOUNT_ID;
  const plan = options.plan ?? 'free';
  const seed = resolveSeed(options.seed);
  const state = new CloudflareState(seed, {
    accountIds: [accountId, ...(options.extraAccountIds ?? []).filter((id) => id !== accountId)],
    plan,
    recordQuota: options.recordQuota === undefined ? (plan === 'free' ? 200 : 3500) : options.recordQuota,
    dnssecActive: options.dnssecActive ?? [],
    defaultRegistrantContact: options.defaultRegistrantContact ?? true,
    domainLimit: options.domainLimit ?? 500,
  });
  const ledger: LedgerEntry[] = [];
  const ctx: CloudflareContext = {
    state,
    ledger,
    token,
    readOnlyToken: options.readOnlyToken,
    sandboxPermission: options.sandboxPermission ?? true,
    invalidTokenStatus: options.invalidTokenStatus ?? 401,
    authCodes: options.authCodes ?? {},
  };
  const limit = options.requestLimit ?? CLOUDFLARE_REQUEST_LIMIT;
  const windowSeconds = Math.max(1, Math.ceil((FIVE_MINUTES_MS * (options.timeScale ?? 1)) / 1000));

  // Registrations list by registry creation date, ascending: the seeded order.
  const seedInfo = seedInfoOf(seed, CLOUDFLARE_CURRENCY, { apiToken: token, accountId });

  let lastWindow = { limit, remaining: limit, resetAt: new Date() };

  return {
    name: 'cloudflare',
    state,
    routes: [
      ...identityRoutes(ctx),
      ...zoneRoutes(ctx),
      ...recordRoutes(ctx),
      ...zoneFileRoutes(ctx),
      ...registrarRoutes(ctx),
      ...transferRoutes(ctx),
    ].map((route) => ({ ...route, path: `${CLOUDFLARE_API_PREFIX}${route.path}` })),
    // One bucket for everything a token does; past it every call is refused for five minutes.
    buckets: { client: { limit, intervalMs: FIVE_MINUTES_MS, lockoutMs: FIVE_MINUTES_MS } },
    authenticate: (req: EmulatorRequest) => authenticate(ctx, req),
    errorBody: (status: number, message: string) => statusErrorBody(status, message),
    responseHeaders(_req, bucketState) {
      if (bucketState) lastWindow = bucketState;
      const seconds = Math.max(0, Math.ceil((lastWindow.resetAt.getTime() - Date.now()) / 1000));
      return {
        Ratelimit: `"default";r=${lastWindow.remaining};t=${seconds}`,
        'Ratelimit-Policy': `"default";q=${limit};w=${windowSeconds}`,
        'Cf-Ray': `${hexId(String(Date.now() + Math.random())).slice(0, 16)}-EMU`,
      };
    },
    ledger,
    seedInfo,
    hostile: cloudflareHostile(state),
  };
}
