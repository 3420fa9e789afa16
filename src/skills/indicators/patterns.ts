import { isIPv6 } from 'node:net';
import { FILE_EXTENSION_TLDS, KNOWN_TLDS } from './tlds';

/**
 * The regular expressions that find candidate indicators, and the checks that decide whether a
 * candidate is real. Candidates are generous; the checks are strict.
 */

const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;
const DOMAIN_BODY = String.raw`(?:${LABEL}\.)+[a-z]{2,63}`;
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;

export const URL_CANDIDATE = /\b(?:https?|ftp):\/\/[^\s<>"'`{}|\\^]+/gi;

const LOCAL_PART = String.raw`(?<![a-z0-9._%+-])[a-z0-9_%+-][a-z0-9._%+-]{0,63}`;
const NAME_END = String.raw`(?![a-z0-9_-]|\.[a-z0-9])`;

export const EMAIL_CANDIDATE = new RegExp(
  String.raw`${LOCAL_PART}@${DOMAIN_BODY}${NAME_END}`,
  'gi',
);

export const DOMAIN_CANDIDATE = new RegExp(
  String.raw`(?<![a-z0-9_@.-])${DOMAIN_BODY}${NAME_END}`,
  'gi',
);

/** Four valid octets, not part of a longer dotted number such as a version `10.0.19045.4651`. */
export const IPV4_CANDIDATE = new RegExp(
  String.raw`(?<![\d.])(?:${OCTET}\.){3}${OCTET}(?!\.?\d)`,
  'g',
);

/** Hex groups with at least two colons, maybe ending in dotted IPv4; `net.isIPv6` decides. */
export const IPV6_CANDIDATE =
  /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\w:]|\.\d)/gi;

export const HEX_CANDIDATE = /\b[0-9a-f]{32,128}\b/gi;

export const CVE_CANDIDATE = /\bCVE-\d{4}-\d{4,19}\b/gi;

function isKnownTld(tld: string): boolean {
  return KNOWN_TLDS.has(tld.toLowerCase());
}

/**
 * A domain name we are willing to report. `allowFileExtensionTld` is true inside URLs and e-mail
 * addresses and for defanged text, where `invoice.zip` cannot be a file name.
 */
export function isPlausibleDomain(name: string, allowFileExtensionTld: boolean): boolean {
  if (name.length > 253) return false;
  const labels = name.toLowerCase().split('.');
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || !isKnownTld(tld)) return false;
  if (FILE_EXTENSION_TLDS.has(tld) && !allowFileExtensionTld) return false;
  return labels.every((label) => label.length > 0 && label.length <= 63);
}

export type HashType = 'md5' | 'sha1' | 'sha256';

const HASH_TYPE_BY_LENGTH: Record<number, HashType> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };

/** The hash type for a hex string of exactly 32, 40 or 64 digits that is not a plain number. */
export function hashTypeOf(hex: string): HashType | undefined {
  if (/^\d+$/.test(hex)) return undefined;
  return HASH_TYPE_BY_LENGTH[hex.length];
}

/** A valid IPv6 address other than the bare "::", which carries nothing worth reporting. */
export function isPlausibleIPv6(candidate: string): boolean {
  return isIPv6(candidate) && /[0-9a-f]/i.test(candidate);
}
