/**
 * Contacts (account scope, https://developer.dnsimple.com/v2/contacts/): list (paginated, sort
 * `id`, `label`, `email`; default `id:asc`), get, create (201), update (PATCH, 200), delete (204).
 * Validation and the phone format are in dnsimple-contacts.ts.
 *
 * Choice where the docs are silent: deleting a contact that a domain of the account uses as its
 * registrant is refused with 400 `{"message":"The contact is in use and cannot be deleted"}`.
 */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import type { DnsimpleContact } from './dnsimple-contacts.js';
import { readContactInput } from './dnsimple-contacts.js';
import {
  bodyObject,
  compareValues,
  type DnsimpleContext,
  fail,
  noContent,
  ok,
  paginated,
  requireAccount,
  sortItems,
  validationFailed,
} from './dnsimple-context.js';
import { isoTimestamp } from './dnsimple-shapes.js';

const CONTACT_SORTS = {
  id: (a: DnsimpleContact, b: DnsimpleContact) => a.id - b.id,
  label: (a: DnsimpleContact, b: DnsimpleContact) => compareValues(a.label, b.label),
  email: (a: DnsimpleContact, b: DnsimpleContact) => compareValues(a.email, b.email),
};

export function contactRoutes(ctx: DnsimpleContext): EmulatorRoute[] {
  const requireContact = (req: EmulatorRequest): DnsimpleContact => {
    const accountId = requireAccount(ctx, req);
    const ref = req.params.contact ?? '';
    const contact = /^\d+$/.test(ref) ? ctx.state.contacts.get(Number(ref)) : undefined;
    // notfound-contact.http
    if (!contact || contact.account_id !== accountId) fail(404, `Contact \`${ref}\` not found`);
    return contact;
  };
  return [
    {
      method: 'GET',
      path: '/v2/:account/contacts',
      operation: 'listContacts',
      bucket: 'hourly',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        const contacts = [...ctx.state.contacts.values()].filter((c) => c.account_id === accountId);
        return paginated(sortItems(contacts, req.query.sort, CONTACT_SORTS, 'id:asc'), req.query, (c) => ({
          ...c,
        }));
      },
    },
    {
      method: 'POST',
      path: '/v2/:account/contacts',
      operation: 'createContact',
      bucket: 'hourly',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        const result = readContactInput(bodyObject(req), null);
        if (!result.ok) validationFailed(result.errors);
        const now = isoTimestamp(new Date());
        const contact: DnsimpleContact = {
          id: ctx.state.contactId(),
          account_id: accountId,
          ...result.fields,
          created_at: now,
          updated_at: now,
        };
        ctx.state.contacts.set(contact.id, contact);
        ctx.state.contactIds.add(contact.id);
        return ok({ ...contact }, 201);
      },
    },
    {
      method: 'GET',
      path: '/v2/:account/contacts/:contact',
      operation: 'getContact',
      bucket: 'hourly',
      handler: (req) => ok({ ...requireContact(req) }),
    },
    {
      method: 'PATCH',
      path: '/v2/:account/contacts/:contact',
      operation: 'updateContact',
      bucket: 'hourly',
      handler: (req) => {
        const contact = requireContact(req);
        const result = readContactInput(bodyObject(req), contact);
        if (!result.ok) validationFailed(result.errors);
        Object.assign(contact, result.fields, { updated_at: isoTimestamp(new Date()) });
        return ok({ ...contact });
      },
    },
    {
      method: 'DELETE',
      path: '/v2/:account/contacts/:contact',
      operation: 'deleteContact',
      bucket: 'hourly',
      handler: (req) => {
        const contact = requireContact(req);
        if (ctx.state.domains.some((d) => d.registrant_id === contact.id)) {
          fail(400, 'The contact is in use and cannot be deleted');
        }
        ctx.state.contacts.delete(contact.id);
        ctx.state.contactIds.delete(contact.id);
        return noContent;
      },
    },
  ];
}
