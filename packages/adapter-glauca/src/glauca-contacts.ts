/**
 * Contacts (docs/providers/glauca.md#contacts): listContacts, getContact, createContact. A model
 * Contact is a Glauca contact (phone, e-mail) with its contact address (name, postal address):
 * creating one creates both.
 */
import {
  type CallOptions,
  type Contact,
  type ContactInput,
  ContactInputSchema,
  type ListOptions,
  paginate,
  parseInput,
  requestOptions,
  urlPath,
} from '@registrar-kit/core';
import type { z } from 'zod';
import type { GlaucaClient } from './glauca-client.js';
import { contactAddressBody, contactBody, mapContact } from './glauca-contact-mappers.js';
import {
  type GlaucaContact,
  type GlaucaContactAddress,
  GlaucaContactAddressPageSchema,
  GlaucaContactAddressSchema,
  GlaucaContactPageSchema,
  GlaucaContactSchema,
} from './glauca-schemas.js';
import { PROVIDER } from './glauca-values.js';

/** DRF's default page size (docs/providers/glauca.md#pagination). */
const PAGE_SIZE = 25;

export function contactMethods(client: GlaucaClient) {
  /** Every item of a paginated list, pages fetched concurrently and yielded in order. */
  function list<T>(
    path: string,
    schema: z.ZodType<{ count: number; next?: string | null | undefined; results: T[] }>,
    operation: string,
    opts: ListOptions | undefined,
  ): AsyncIterable<T> {
    const pageSize = opts?.pageSize ?? PAGE_SIZE;
    return paginate(
      async (page, signal) => {
        const data = await client.domains({
          operation,
          method: 'GET',
          path,
          query: { limit: pageSize, offset: (page - 1) * pageSize },
          schema,
          bucket: 'domains',
          ...requestOptions(opts),
          signal,
        });
        return {
          items: data.results,
          hasMore: Boolean(data.next),
          next: data.next,
          totalItems: data.count,
        };
      },
      {
        provider: PROVIDER,
        operation,
        ...(opts?.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
        ...(opts?.signal ? { signal: opts.signal } : {}),
      },
    );
  }

  const getAddress = (id: string, operation: string, opts: CallOptions | undefined) =>
    client.domains({
      operation,
      method: 'GET',
      path: urlPath`/api/contact_addresses/${id}/`,
      schema: GlaucaContactAddressSchema,
      bucket: 'domains',
      ...requestOptions(opts),
    });

  return {
    listContacts(opts?: ListOptions): AsyncIterable<Contact> {
      return {
        async *[Symbol.asyncIterator]() {
          // Addresses first (one listing), so each contact needs no request of its own.
          const addresses = new Map<string, GlaucaContactAddress>();
          for await (const address of list<GlaucaContactAddress>(
            '/api/contact_addresses/',
            GlaucaContactAddressPageSchema,
            'listContacts',
            opts,
          ))
            addresses.set(address.id, address);
          for await (const contact of list<GlaucaContact>(
            '/api/contacts/',
            GlaucaContactPageSchema,
            'listContacts',
            opts,
          )) {
            const address =
              addresses.get(contact.local_address) ??
              (await getAddress(contact.local_address, 'listContacts', opts));
            yield mapContact(contact, address);
          }
        },
      };
    },

    async getContact(id: string, opts?: CallOptions): Promise<Contact> {
      const contact = await client.domains({
        operation: 'getContact',
        method: 'GET',
        path: urlPath`/api/contacts/${id}/`,
        schema: GlaucaContactSchema,
        bucket: 'domains',
        ...requestOptions(opts),
      });
      return mapContact(contact, await getAddress(contact.local_address, 'getContact', opts));
    },

    async createContact(input: ContactInput, opts?: CallOptions): Promise<Contact> {
      const data = parseInput(
        ContactInputSchema,
        input,
        { provider: PROVIDER, operation: 'createContact' },
        'contact',
      );
      const address = await client.domains({
        operation: 'createContact',
        method: 'POST',
        path: '/api/contact_addresses/',
        body: contactAddressBody(data),
        schema: GlaucaContactAddressSchema,
        bucket: 'domains',
        ...requestOptions(opts),
      });
      try {
        const contact = await client.domains({
          operation: 'createContact',
          method: 'POST',
          path: '/api/contacts/',
          body: contactBody(data, address.id),
          schema: GlaucaContactSchema,
          bucket: 'domains',
          ...requestOptions(opts),
        });
        return mapContact(contact, address);
      } catch (error) {
        // The address alone is of no use: removed again (best effort), the contact's error reported.
        await client
          .domains({
            operation: 'createContact',
            method: 'DELETE',
            path: urlPath`/api/contact_addresses/${address.id}/`,
            bucket: 'domains',
          })
          .catch(() => undefined);
        throw error;
      }
    },
  };
}
