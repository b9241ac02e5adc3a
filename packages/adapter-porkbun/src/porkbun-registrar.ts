/**
 * `createPorkbun(options)`: Porkbun's API v3 behind the registrar-kit `Registrar` interface, plus
 * the per-domain contacts Porkbun keeps instead of contact objects.
 */
import { defineRegistrar, type Registrar } from '@registrar-kit/core';
import { createPorkbunClient, type PorkbunOptions } from './porkbun-client.js';
import { contactExtras, type PorkbunContactExtras } from './porkbun-contacts.js';
import { dnssecMethods } from './porkbun-dnssec.js';
import { domainMethods } from './porkbun-domains.js';
import { orderMethods } from './porkbun-orders.js';
import { priceMethods } from './porkbun-prices.js';
import { recordMethods } from './porkbun-records.js';

/** Porkbun-only methods, next to the `Registrar` ones. */
export type PorkbunExtras = PorkbunContactExtras;
export type PorkbunRegistrar = Registrar & PorkbunExtras;

export function createPorkbun(options: PorkbunOptions = {}): PorkbunRegistrar {
  const client = createPorkbunClient(options);
  return defineRegistrar(
    'porkbun',
    {
      ...domainMethods(client),
      ...priceMethods(client),
      ...orderMethods(client),
      ...recordMethods(client),
      ...dnssecMethods(client),
    },
    contactExtras(client),
    { close: () => client.close() },
  );
}
