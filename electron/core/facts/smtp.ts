/**
 * SES's SMTP interface: the ports it listens on and the host of each region (the host itself is
 * kept with the region table in ./regions.ts). Ports 587 and 465 are the usual pair; 2587 and 2465
 * do the same on networks that block the usual ones.
 */
export const SMTP_FACTS_SOURCE = {
  title: 'Amazon SES Developer Guide, “Connecting to an Amazon SES SMTP endpoint”',
  url: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
  checked: '2026-11-28',
} as const;

export const SMTP_PORTS = {
  /** Plain connection upgraded with STARTTLS: the recommended one. */
  starttls: 587,
  /** TLS from the first byte ("SSL/TLS" in most apps). */
  tls: 465,
  /** The same as 587 and 465, for networks that block those. */
  alternateStarttls: 2587,
  alternateTls: 2465,
} as const;
