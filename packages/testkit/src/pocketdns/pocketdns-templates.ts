/**
 * DNS templates for `POST /api/v1/domains/{domain_id}/dns/template`. The docs name one template,
 * `tpl_website_basic` with variables `ip_address` and `mail_server`, and show it creating an A
 * record at `@` and at `www`. The docs list no templates; the MX record for `mail_server` and the
 * second template (`tpl_email_basic`) are our choice.
 */
export interface TemplateRecord {
  type: 'A' | 'MX' | 'TXT';
  name: string;
  content: string;
  ttl: number;
  priority?: number;
}

export interface PocketDnsTemplate {
  id: string;
  /** Variables that must be present (non-empty strings). */
  required: string[];
  records(variables: Record<string, string>): TemplateRecord[];
}

export const POCKETDNS_TEMPLATES: Readonly<Record<string, PocketDnsTemplate>> = {
  tpl_website_basic: {
    id: 'tpl_website_basic',
    required: ['ip_address'],
    records: (v) => [
      { type: 'A', name: '@', content: v.ip_address!, ttl: 300 },
      { type: 'A', name: 'www', content: v.ip_address!, ttl: 300 },
      ...(v.mail_server
        ? [{ type: 'MX' as const, name: '@', content: v.mail_server, ttl: 3600, priority: 10 }]
        : []),
    ],
  },
  tpl_email_basic: {
    id: 'tpl_email_basic',
    required: ['mail_server'],
    records: (v) => [
      { type: 'MX', name: '@', content: v.mail_server!, ttl: 3600, priority: 10 },
      { type: 'TXT', name: '@', content: 'v=spf1 mx -all', ttl: 3600 },
    ],
  },
};
