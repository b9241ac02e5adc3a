/**
 * What every command shares: the global flags, the renderer, and the registrars of the selected
 * providers (built from environment credentials, or against the emulators with --emulate).
 */
import type { Capability, KnownProviderId, Registrar } from '@registrar-kit/core';
import { createRegistrar, REGISTRAR_PROVIDER_ENV } from '../create-registrar.js';
import { isKnownProvider, PROVIDER_LIST } from '../providers.js';
import { type Emulation, type EmulationOptions, startEmulation } from './emulate.js';
import { UsageError } from './errors.js';
import { type IO, Renderer } from './render.js';

export interface GlobalOptions {
  json?: boolean;
  emulate?: boolean;
  raw?: boolean;
  debug?: boolean;
  /** false with --no-color. */
  color?: boolean;
  baseUrl?: string;
  /** PocketDNS `user_identifier`. */
  owner?: string;
}

const KNOWN = PROVIDER_LIST.join(', ');

/** Static capabilities of each adapter (a registrar built without credentials sends nothing). */
export function capabilityMatrix(): Record<KnownProviderId, Readonly<Record<Capability, boolean>>> {
  const matrix = {} as Record<KnownProviderId, Readonly<Record<Capability, boolean>>>;
  for (const id of PROVIDER_LIST) matrix[id] = createRegistrar({ provider: id }).capabilities;
  return matrix;
}

/** `--provider a,b` → known ids (usage error for an unknown one); default: every provider with `capability`. */
export function selectProviders(value: string | undefined, capability: Capability): KnownProviderId[] {
  if (value === undefined) {
    const matrix = capabilityMatrix();
    return PROVIDER_LIST.filter((id) => matrix[id][capability]);
  }
  const ids = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (ids.length === 0)
    throw new UsageError('--provider is empty', `expected one or more of ${KNOWN}, comma-separated`);
  for (const id of ids) {
    if (!isKnownProvider(id)) {
      throw new UsageError(`unknown provider "${id}" in --provider`, `expected one of ${KNOWN}`);
    }
  }
  return [...new Set(ids)] as KnownProviderId[];
}

/** `--provider p` or REGISTRAR_PROVIDER, exactly one provider. */
export function selectOneProvider(value: string | undefined, env: NodeJS.ProcessEnv): KnownProviderId {
  const given = value ?? env[REGISTRAR_PROVIDER_ENV];
  if (given === undefined || given.trim() === '') {
    throw new UsageError(
      'no provider given',
      `pass --provider <id> or set ${REGISTRAR_PROVIDER_ENV} (one of ${KNOWN})`,
    );
  }
  const id = given.trim().toLowerCase();
  if (!isKnownProvider(id)) {
    const source = value === undefined ? `${REGISTRAR_PROVIDER_ENV}` : '--provider';
    throw new UsageError(`unknown provider "${given}" in ${source}`, `expected one of ${KNOWN}`);
  }
  return id;
}

export class CliContext {
  readonly out: Renderer;
  private emulation: Emulation | null = null;

  constructor(
    readonly io: IO,
    readonly options: GlobalOptions,
  ) {
    this.out = new Renderer(io, {
      json: options.json === true,
      raw: options.raw === true,
      color: options.color !== false,
    });
    if (options.emulate && options.baseUrl !== undefined) {
      throw new UsageError('--base-url and --emulate cannot be used together', 'use one or the other');
    }
  }

  get env(): NodeJS.ProcessEnv {
    return this.io.env;
  }

  /** The registrars of `ids`, in that order (`seeding`: how `--emulate` seeds them). */
  async registrars(ids: readonly KnownProviderId[], seeding: EmulationOptions = {}): Promise<Registrar[]> {
    if (this.options.emulate) {
      this.emulation ??= await startEmulation(ids, seeding);
      const emulation = this.emulation;
      return ids.map((id) => emulation.registrar(id));
    }
    const { baseUrl: baseURL, owner } = this.options;
    if (baseURL !== undefined && ids.length !== 1) {
      throw new UsageError('--base-url needs exactly one provider', 'select it with --provider <id>');
    }
    const url = baseURL === undefined ? {} : { baseURL };
    return ids.map((id) => {
      switch (id) {
        case 'pocketdns':
          return createRegistrar({ provider: id, ...url, ...(owner === undefined ? {} : { owner }) });
        case 'glauca':
          return createRegistrar({
            provider: id,
            ...url,
            ...(baseURL === undefined ? {} : { dnsBaseURL: baseURL }),
          });
        default:
          return createRegistrar({ provider: id, ...url });
      }
    });
  }

  async registrar(id: KnownProviderId): Promise<Registrar> {
    const [registrar] = await this.registrars([id]);
    return registrar!;
  }

  async close(): Promise<void> {
    await this.emulation?.close();
    this.emulation = null;
  }
}
