import { extractIndicators, type Indicator } from '../skills/indicators';

/**
 * What the offline planner reads out of a question: indicators (through the skills' own
 * extractor), plus the things only a question has: incident numbers, user and device names,
 * package versions, time windows and filters.
 */
export interface Entities {
  indicators: Indicator[];
  cveIds: string[];
  ips: string[];
  hashes: string[];
  urls: string[];
  domains: string[];
  emails: string[];
  techniqueIds: string[];
  incidentId?: string;
  devices: string[];
  users: string[];
  pkg?: PackageRef;
  sinceDays?: number;
  severity?: 'informational' | 'low' | 'medium' | 'high';
  status?: 'active' | 'inProgress' | 'resolved';
  riskLevel?: 'low' | 'medium' | 'high';
  compliance?: 'compliant' | 'noncompliant';
}

export interface PackageRef {
  ecosystem: string;
  name: string;
  version: string;
  /** True when the question named no ecosystem and one was assumed. */
  ecosystemAssumed: boolean;
}

export function extractEntities(text: string, conversationName?: string): Entities {
  const indicators = extractIndicators(text);
  const valuesOf = (...types: Indicator['type'][]) =>
    indicators.filter((indicator) => types.includes(indicator.type)).map((i) => i.value);
  const ips = valuesOf('ipv4', 'ipv6');

  return {
    indicators,
    cveIds: valuesOf('cve'),
    ips,
    hashes: valuesOf('md5', 'sha1', 'sha256'),
    urls: valuesOf('url'),
    domains: valuesOf('domain'),
    emails: valuesOf('email'),
    techniqueIds: unique(
      [...text.matchAll(/\bT1\d{3}(?:\.\d{3})?\b/gi)].map((m) => m[0].toUpperCase()),
    ),
    incidentId: incidentIdOf(text, conversationName),
    devices: unique([...text.matchAll(DEVICE_NAME)].map((m) => m[0].toUpperCase())),
    users: usersOf(text, valuesOf('email')),
    pkg: packageOf(text, ips),
    sinceDays: sinceDaysOf(text),
    severity: severityOf(text),
    status: statusOf(text),
    riskLevel: riskLevelOf(text),
    compliance: complianceOf(text),
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const INCIDENT_IN_TEXT = /\b(?:incident|inc)(?:\s*(?:number|no\.?|id))?[\s#:-]*(\d{2,7})\b/i;
const THIS_INCIDENT = /\b(?:this|the current|our)\s+(?:incident|case|investigation)\b/i;
const INCIDENT_IN_NAME = /\binc-?(\d{2,7})\b/i;

function incidentIdOf(text: string, conversationName?: string): string | undefined {
  const inText = INCIDENT_IN_TEXT.exec(text);
  if (inText) return inText[1];
  if (conversationName && THIS_INCIDENT.test(text)) {
    return INCIDENT_IN_NAME.exec(conversationName)?.[1];
  }
  return undefined;
}

// Host names as Windows and Intune print them: LAPTOP-BOB01, DESKTOP-7F3K2Q, CONTOSO-LT-0142.
// Upper case, hyphenated, with a digit somewhere, so "SHA-256" aside, prose never matches.
// Prefixes of ids and standards that look like host names and are not.
const NOT_DEVICE_PREFIX = '(?!(?:CVE|INC|GHSA|SHA|MD|AES|TLS|SSL|RFC|ISO|PCI|SOC|APT|COVID)-)';
const DEVICE_NAME = new RegExp(
  String.raw`\b${NOT_DEVICE_PREFIX}(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9]{1,14}(?:-[A-Z0-9]{1,15}){1,3}\b`,
  'g',
);

const NOT_NAMES = new Set(
  (
    'this that these those the our my your their all any every each last past next today ' +
    'yesterday tonight week month year day days hours me us them it a an users user people ' +
    'incidents incident devices device sign-ins signins sign-in logins alerts high low medium ' +
    'critical open active resolved closed risky more details now example instance which who ' +
    'what how when where why is are was were be risk compliance security everyone someone ' +
    'anyone nobody same other others ip ips hosts host cve kev here there'
  ).split(' '),
);

// A name after "for", "of", "by", "user", "about", "who is" or "did", or a possessive ("bob's").
// Names are lower case or Capitalised; ALL-CAPS words are host names or acronyms, not people.
const NAME = String.raw`[A-Za-z][a-z]{1,30}(?![\w-])`;
const NAME_CUE = String.raw`\b(?:[Ff]or|[Oo]f|[Bb]y|[Uu]ser|[Aa]bout|[Ww]ho is|[Dd]id)\s+`;
const SURNAME = String.raw`(?:\s+[A-Z][a-z]{1,30}(?![\w-]))?`;
const NAMED_USER = new RegExp(`${NAME_CUE}(${NAME}${SURNAME})`, 'g');
const POSSESSIVE = /\b([A-Za-z][a-z]{1,30})'s\b/g;

function usersOf(text: string, emails: string[]): string[] {
  const names: string[] = [...emails];
  for (const match of [...text.matchAll(NAMED_USER), ...text.matchAll(POSSESSIVE)]) {
    const words = match[1].split(/\s+/);
    const kept: string[] = [];
    for (const word of words) {
      if (NOT_NAMES.has(word.toLowerCase())) break;
      kept.push(word);
    }
    if (kept.length > 0) names.push(kept.join(' '));
  }
  return unique(names);
}

const ECOSYSTEMS: [RegExp, string][] = [
  [/\b(?:npm|node(?:\.js)?|javascript|yarn)\b/i, 'npm'],
  [/\b(?:pypi|pip|python)\b/i, 'PyPI'],
  [/\b(?:maven|java|gradle)\b/i, 'Maven'],
  [/\b(?:go|golang)\s+(?:module|package)\b/i, 'Go'],
  [/\b(?:crates?(?:\.io)?|cargo|rust)\b/i, 'crates.io'],
  [/\b(?:nuget|\.net|dotnet|c#)\b/i, 'NuGet'],
  [/\b(?:rubygems|gem|ruby)\b/i, 'RubyGems'],
  [/\b(?:packagist|composer|php)\b/i, 'Packagist'],
];

// Packages famous enough that naming their ecosystem would be pedantic.
const WELL_KNOWN: Record<string, [string, string]> = {
  log4j: ['Maven', 'org.apache.logging.log4j:log4j-core'],
  'log4j-core': ['Maven', 'org.apache.logging.log4j:log4j-core'],
  django: ['PyPI', 'django'],
  flask: ['PyPI', 'flask'],
  requests: ['PyPI', 'requests'],
  urllib3: ['PyPI', 'urllib3'],
  jinja2: ['PyPI', 'jinja2'],
  rails: ['RubyGems', 'rails'],
};

// "lodash 4.17.20", "lodash@4.17.20", "@scope/pkg version 1.2", "group:artifact 2.14.1".
const PACKAGE_NAME = String.raw`(?:@[a-z0-9-]+\/)?[a-z][a-z0-9._-]*(?::[a-z0-9._-]+)?`;
const VERSION = String.raw`\d+\.\d+(?:\.\d+)?(?:[-+][0-9a-z.]+)?`;
const PACKAGE_VERSION = new RegExp(
  String.raw`(?:^|[\s"'\`(])(${PACKAGE_NAME})(?:@|\s+(?:version\s+|v)?)v?(${VERSION})\b`,
  'i',
);

const NOT_PACKAGES = new Set(['version', 'is', 'are', 'of', 'to', 'from', 'and', 'release', 'v']);

function packageOf(text: string, ips: string[]): PackageRef | undefined {
  const match = PACKAGE_VERSION.exec(text);
  if (!match || ips.some((ip) => ip.startsWith(match[2]))) return undefined;
  const rawName = match[1];
  if (NOT_PACKAGES.has(rawName.toLowerCase())) return undefined;

  const named = ECOSYSTEMS.find(([pattern]) => pattern.test(text));
  const known = WELL_KNOWN[rawName.toLowerCase()];
  if (named)
    return { ecosystem: named[1], name: rawName, version: match[2], ecosystemAssumed: false };
  if (known)
    return { ecosystem: known[0], name: known[1], version: match[2], ecosystemAssumed: false };
  return { ecosystem: 'npm', name: rawName, version: match[2], ecosystemAssumed: true };
}

const WINDOWS: [RegExp, (match: RegExpExecArray) => number][] = [
  [/\b(?:last|past|previous)\s+(\d{1,3})\s+hours?\b/i, (m) => Math.max(1, Math.ceil(+m[1] / 24))],
  [/\b(?:last|past|previous)\s+(\d{1,3})\s+days?\b/i, (m) => +m[1]],
  [/\b(?:last|past|previous)\s+(\d{1,2})\s+weeks?\b/i, (m) => +m[1] * 7],
  [/\b(?:last|past|previous)\s+(\d{1,2})\s+months?\b/i, (m) => +m[1] * 30],
  [/\b(?:today|tonight|this morning|last 24 hours|past day)\b/i, () => 1],
  [/\byesterday\b/i, () => 2],
  [/\b(?:this|last|past|previous)\s+week\b|\bweekly\b/i, () => 7],
  [/\b(?:this|last|past|previous)\s+month\b|\bmonthly\b/i, () => 30],
  [/\b(?:this|last|past|previous)\s+quarter\b/i, () => 90],
];

function sinceDaysOf(text: string): number | undefined {
  for (const [pattern, toDays] of WINDOWS) {
    const match = pattern.exec(text);
    if (match) return toDays(match);
  }
  return undefined;
}

const LEVEL = '(critical|high|medium|low|informational)';
const SEVERITY_BEFORE = new RegExp(
  String.raw`\b${LEVEL}(?:[- ]sev(?:erity)?|\s+(?:incidents?|alerts?))\b`,
  'i',
);
const SEVERITY_AFTER = new RegExp(String.raw`\bseverity\s*(?:is|of|=|:)?\s*${LEVEL}\b`, 'i');

function severityOf(text: string): Entities['severity'] {
  const match = SEVERITY_BEFORE.exec(text) ?? SEVERITY_AFTER.exec(text);
  if (!match) return undefined;
  const level = match[1].toLowerCase();
  // The incident API has no "critical"; its highest level is high.
  return (level === 'critical' ? 'high' : level) as Entities['severity'];
}

function statusOf(text: string): Entities['status'] {
  if (/\b(?:in progress|in-progress|being investigated|investigating)\b/i.test(text)) {
    return 'inProgress';
  }
  if (/\b(?:resolved|closed)\b/i.test(text)) return 'resolved';
  if (/\b(?:open|active|unresolved|new|ongoing)\b/i.test(text)) return 'active';
  return undefined;
}

function riskLevelOf(text: string): Entities['riskLevel'] {
  const match =
    /\b(high|medium|low)[- ]risk\b/i.exec(text) ??
    /\brisk(?:\s+level)?\s*(?:is|of|=|:)?\s*(high|medium|low)\b/i.exec(text);
  return match ? (match[1].toLowerCase() as Entities['riskLevel']) : undefined;
}

function complianceOf(text: string): Entities['compliance'] {
  if (/\b(?:non-?compliant|not compliant|out of compliance)\b/i.test(text)) return 'noncompliant';
  if (/\bcompliant\s+devices\b|\bdevices\s+(?:that\s+are\s+)?compliant\b/i.test(text)) {
    return 'compliant';
  }
  return undefined;
}
