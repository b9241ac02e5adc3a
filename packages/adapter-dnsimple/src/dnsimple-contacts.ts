/**
 * Contacts of the account (https://developer.dnsimple.com/v2/contacts/): list, get, create. A
 * registration or transfer names its registrant by contact id; core `resolveContactIds` turns a
 * `ContactInput` into one (an identical contact is reused, else one is created).
 */
import {
  type CallOptions,
  type Contact,
  type ContactInput,
  ContactInputSchema,
  invalidInput,
  type ListOptions,
  paginate,
  parseInput,
  urlPath,
} from '@registrar-kit/core';
import { context, type DnsimpleClient, pageSize } from './dnsimple-client.js';
import { contactBody, mapContact } from './dnsimple-contact-mappers.js';
import { ContactPayloadSchema, envelope, pageOf } from './dnsimple-schemas.js';

export function contactMethods(client: DnsimpleClient) {
  function listContacts(opts?: ListOptions): AsyncIterable<Contact> {
    const perPage = pageSize(opts);
    return paginate(
      async (page, signal) => {
        const accountId = await client.account('listContacts', { ...opts, signal });
        const { data } = await client.send(
          {
            operation: 'listContacts',
            method: 'GET',
            path: urlPath`/v2/${accountId}/contacts`,
            query: { page, per_page: perPage },
            schema: pageOf(ContactPayloadSchema),
          },
          { ...opts, signal },
        );
        return { items: data.data.map(mapContact), totalPages: data.pagination.total_pages };
      },
      {
        concurrency: opts?.concurrency,
        signal: opts?.signal,
        provider: 'dnsimple',
        operation: 'listContacts',
      },
    );
  }

  async function getContact(id: string, opts?: CallOptions): Promise<Contact> {
    if (typeof id !== 'string' || !/^\d+$/.test(id))
      throw invalidInput(
        context('getContact'),
        [{ path: 'id', message: 'must be a numeric DNSimple contact id' }],
        'contact id',
      );
    const accountId = await client.account('getContact', opts);
    const { data } = await client.send(
      {
        operation: 'getContact',
        method: 'GET',
        path: urlPath`/v2/${accountId}/contacts/${id}`,
        schema: envelope(ContactPayloadSchema),
      },
      opts,
    );
    return mapContact(data.data);
  }

  async function createContact(input: ContactInput, opts?: CallOptions): Promise<Contact> {
    const ctx = context('createContact');
    const contact = parseInput(ContactInputSchema, input, ctx, 'contact');
    // DNSimple requires a state or province (https://developer.dnsimple.com/v2/contacts/#createContact).
    if (contact.stateProvince === null || contact.stateProvince.trim() === '')
      throw invalidInput(ctx, [{ path: 'stateProvince', message: 'is required by DNSimple' }], 'contact');
    const accountId = await client.account('createContact', opts);
    const { data } = await client.send(
      {
        operation: 'createContact',
        method: 'POST',
        path: urlPath`/v2/${accountId}/contacts`,
        body: contactBody(contact),
        schema: envelope(ContactPayloadSchema),
      },
      opts,
    );
    return mapContact(data.data);
  }

  return { methods: { listContacts, getContact, createContact } };
}
