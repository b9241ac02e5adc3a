import { z } from 'zod';
import { ProviderIdSchema } from './provider-id.js';

/** A phone number in EPP form (RFC 5733): `+CC.NUMBER`, e.g. `+44.2071234567`. */
export const EppPhoneSchema = z
  .string()
  .regex(/^\+\d{1,3}\.\d{1,14}$/, 'expected a phone number in EPP form, e.g. +44.2071234567');

/** ISO 3166-1 alpha-2, upper-case. */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as GB');

const contactFields = {
  firstName: z.string().trim().min(1),
  lastName: z.string().trim().min(1),
  organization: z.string().nullable(),
  email: z.email(),
  phone: EppPhoneSchema,
  address1: z.string().trim().min(1),
  address2: z.string().nullable(),
  city: z.string().trim().min(1),
  stateProvince: z.string().nullable(),
  postalCode: z.string().trim().min(1),
  country: CountryCodeSchema,
};

/** A contact (registrant, admin, tech, billing) as a provider stores it. */
export const ContactSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string(),
  ...contactFields,
  raw: z.unknown(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** A contact to create or send inline; checked locally (email, phone, country) before sending. */
export const ContactInputSchema = z
  .object({
    ...contactFields,
    organization: contactFields.organization.optional().default(null),
    address2: contactFields.address2.optional().default(null),
    stateProvince: contactFields.stateProvince.optional().default(null),
  })
  .strict();
export type ContactInput = z.input<typeof ContactInputSchema>;
