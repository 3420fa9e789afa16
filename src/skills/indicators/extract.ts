import { isIPv4 } from 'node:net';
import {
  CVE_CANDIDATE,
  DOMAIN_CANDIDATE,
  EMAIL_CANDIDATE,
  HEX_CANDIDATE,
  hashTypeOf,
  IPV4_CANDIDATE,
  IPV6_CANDIDATE,
  isPlausibleDomain,
  isPlausibleIPv6,
  URL_CANDIDATE,
} from './patterns';
import { refang, type RefangedText, wasDefanged } from './refang';

export const INDICATOR_TYPES = [
  'url',
  'domain',
  'ipv4',
  'ipv6',
  'email',
  'md5',
  'sha1',
  'sha256',
  'cve',
] as const;

export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export interface Indicator {
  type: IndicatorType;
  /** Refanged and normalised: lower case except URL paths, CVE ids upper case. */
  value: string;
}

/** An indicator and where it sits in the refanged text, `[start, end)`. */
export interface IndicatorSpan extends Indicator {
  start: number;
  end: number;
}

/**
 * Finds indicators in free text, defanged or not, in order of first appearance, each once.
 * Where candidates overlap the widest wins: a URL is one indicator, not a URL plus the IP and
 * hash inside it. A URL's host is reported too, right after the URL, because it is what
 * analysts look up and block.
 */
export function extractIndicators(text: string): Indicator[] {
  const refanged = refang(text);
  const seen = new Set<string>();
  const indicators: Indicator[] = [];
  const add = (indicator: Indicator): void => {
    const key = `${indicator.type}:${indicator.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    indicators.push(indicator);
  };

  for (const span of findIndicatorSpans(refanged)) {
    add({ type: span.type, value: span.value });
    if (span.type === 'url') {
      const host = urlHost(span.value);
      if (host) add(host);
    }
  }
  return indicators;
}

/** Non-overlapping indicator spans in the refanged text, in order. */
export function findIndicatorSpans(refanged: RefangedText): IndicatorSpan[] {
  const candidates = [
    ...urlSpans(refanged.text),
    ...emailSpans(refanged.text),
    ...domainSpans(refanged),
    ...ipv4Spans(refanged.text),
    ...ipv6Spans(refanged.text),
    ...hashSpans(refanged.text),
    ...cveSpans(refanged.text),
  ];
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);

  const chosen: IndicatorSpan[] = [];
  let coveredUpTo = 0;
  for (const candidate of candidates) {
    if (candidate.start < coveredUpTo) continue;
    chosen.push(candidate);
    coveredUpTo = candidate.end;
  }
  return chosen;
}

function spansOf(
  text: string,
  pattern: RegExp,
  toIndicator: (match: string, start: number) => Indicator | undefined,
): IndicatorSpan[] {
  const spans: IndicatorSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const indicator = toIndicator(match[0], match.index);
    if (indicator)
      spans.push({ ...indicator, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

function urlSpans(text: string): IndicatorSpan[] {
  const spans: IndicatorSpan[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const raw = trimUrlTail(match[0]);
    const value = raw.replace(/^[a-z]+/i, (scheme) => scheme.toLowerCase());
    if (!urlHost(value)) continue;
    spans.push({ type: 'url', value, start: match.index, end: match.index + raw.length });
  }
  return spans;
}

/** Drops sentence punctuation and unbalanced closing brackets that follow a URL in prose. */
function trimUrlTail(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    const body = url.slice(0, end);
    const unbalanced =
      (last === ')' && count(body, '(') < count(body, ')')) ||
      (last === ']' && count(body, '[') < count(body, ']'));
    if (!unbalanced && !'.,;:!?\'"'.includes(last)) return body;
    end -= 1;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

const URL_HOST = /^[a-z]+:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^/:?#]+)/i;

/** The host of a URL as an indicator, or undefined when it is not a real domain or IP. */
function urlHost(url: string): Indicator | undefined {
  const host = URL_HOST.exec(url)?.[1]?.toLowerCase();
  if (!host) return undefined;
  if (host.startsWith('[')) {
    const address = host.slice(1, -1);
    return isPlausibleIPv6(address) ? { type: 'ipv6', value: address } : undefined;
  }
  if (isIPv4(host)) return { type: 'ipv4', value: host };
  return isPlausibleDomain(host, true) ? { type: 'domain', value: host } : undefined;
}

function emailSpans(text: string): IndicatorSpan[] {
  return spansOf(text, EMAIL_CANDIDATE, (match) => {
    const domain = match.slice(match.lastIndexOf('@') + 1);
    if (!isPlausibleDomain(domain, true)) return undefined;
    return { type: 'email', value: match.toLowerCase() };
  });
}

function domainSpans(refanged: RefangedText): IndicatorSpan[] {
  return spansOf(refanged.text, DOMAIN_CANDIDATE, (match, start) => {
    const defanged = wasDefanged(refanged, start, start + match.length);
    if (!isPlausibleDomain(match, defanged)) return undefined;
    return { type: 'domain', value: match.toLowerCase() };
  });
}

function ipv4Spans(text: string): IndicatorSpan[] {
  return spansOf(text, IPV4_CANDIDATE, (match) => ({ type: 'ipv4', value: match }));
}

function ipv6Spans(text: string): IndicatorSpan[] {
  return spansOf(text, IPV6_CANDIDATE, (match) =>
    isPlausibleIPv6(match) ? { type: 'ipv6', value: match.toLowerCase() } : undefined,
  );
}

function hashSpans(text: string): IndicatorSpan[] {
  return spansOf(text, HEX_CANDIDATE, (match) => {
    const type = hashTypeOf(match);
    return type ? { type, value: match.toLowerCase() } : undefined;
  });
}

function cveSpans(text: string): IndicatorSpan[] {
  return spansOf(text, CVE_CANDIDATE, (match) => ({ type: 'cve', value: match.toUpperCase() }));
}
