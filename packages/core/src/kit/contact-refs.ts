/**
 * Contacts given to an order (DESIGN.md, Contract v2): each role takes a provider contact id or a
 * `ContactInput`. Providers with contact objects get ids (an identical existing contact is
 * reused, else one is created, once per distinct contact); providers that take contacts inline get
 * the objects, and refuse ids.
 */
import type { ValidationIssue } from '../errors/registrar-error.js';
import type { Contact, ContactInput } from '../model/contact.js';
import type { ContactIds, ParsedContactRefs } from '../model/inputs.js';
import type { CallOptions } from '../registrar.js';
import { toEppPhone } from './epp-phone.js';
import { type ErrorContext, invalidInput } from './parse-input.js';

export type ContactRole = keyof ContactIds;
export const CONTACT_ROLES: readonly ContactRole[] = ['registrant', 'admin', 'tech', 'billing'];

/** A parsed `ContactInput` (optional fields filled with null). */
export type ParsedContactInput = Exclude<NonNullable<ParsedContactRefs['registrant']>, string>;

/** What a provider with contact objects offers for resolving contacts. */
export interface ContactDirectory {
  listContacts(opts?: CallOptions): AsyncIterable<Contact>;
  createContact(input: ContactInput, opts?: CallOptions): Promise<Contact>;
}

/** The fields that make two contacts the same person at the same address. */
function contactKey(contact: ParsedContactInput | Contact): string {
  const text = (value: string | null) => (value ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return JSON.stringify([
    text(contact.firstName),
    text(contact.lastName),
    text(contact.organization),
    text(contact.email),
    toEppPhone(contact.phone) ?? text(contact.phone),
    text(contact.address1),
    text(contact.address2),
    text(contact.city),
    text(contact.stateProvince),
    text(contact.postalCode).replace(/\s/g, ''),
    contact.country.toUpperCase(),
  ]);
}

/** Whether `contact` at a provider holds exactly what `input` asks for (case and spacing aside). */
export function isSameContact(contact: Contact, input: ParsedContactInput): boolean {
  return contactKey(contact) === contactKey(input);
}

/**
 * Turns every role's id-or-contact into a provider contact id: ids pass through; a contact is
 * matched against the provider's existing contacts (listed once, only when needed) or created.
 * The same contact given for several roles is created once.
 */
export async function resolveContactIds(
  refs: ParsedContactRefs | undefined,
  directory: ContactDirectory,
  opts: CallOptions = {},
): Promise<ContactIds> {
  const ids: ContactIds = {};
  let existing: Contact[] | undefined;
  const resolved = new Map<string, string>();
  for (const role of CONTACT_ROLES) {
    const ref = refs?.[role];
    if (ref === undefined) continue;
    if (typeof ref === 'string') {
      ids[role] = ref;
      continue;
    }
    const key = contactKey(ref);
    let id = resolved.get(key);
    if (id === undefined) {
      existing ??= await listAll(directory, opts);
      id = existing.find((contact) => contactKey(contact) === key)?.id;
      if (id === undefined) {
        const created = await directory.createContact(ref, opts);
        existing.push(created);
        id = created.id;
      }
      resolved.set(key, id);
    }
    ids[role] = id;
  }
  return ids;
}

async function listAll(directory: ContactDirectory, opts: CallOptions): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for await (const contact of directory.listContacts({ signal: opts.signal })) contacts.push(contact);
  return contacts;
}

/**
 * For providers that take contacts inline in the order: every given role as its contact. A string
 * id is a `ValidationError` naming the provider (it has no contact objects to refer to).
 */
export function inlineContacts(
  refs: ParsedContactRefs | undefined,
  context: ErrorContext,
): Partial<Record<ContactRole, ParsedContactInput>> {
  const contacts: Partial<Record<ContactRole, ParsedContactInput>> = {};
  const issues: ValidationIssue[] = [];
  for (const role of CONTACT_ROLES) {
    const ref = refs?.[role];
    if (ref === undefined) continue;
    if (typeof ref === 'string')
      issues.push({
        path: `contacts.${role}`,
        message: `${context.provider} has no contact ids: pass the contact itself (a ContactInput)`,
      });
    else contacts[role] = ref;
  }
  if (issues.length > 0) throw invalidInput(context, issues, 'contacts');
  return contacts;
}
