import type { Entities } from './entities';
import { anyPattern } from './patterns';
import type { SkillCall } from './skill-runner';

/**
 * The offline planner's rules: which skills answer a question, from its entities and intent
 * words. The first rule that matches wins, most specific first (an id beats a topic word).
 */

/** Whole words or phrases, each given as a regular expression source. */
function words(sources: string[]): RegExp {
  return new RegExp(String.raw`\b${anyPattern(sources)}\b`, 'i');
}

const INTENT = {
  extract: words(['extract', 'defang', 'refang', 'iocs?', 'indicators', 'parse']),
  kev: words(['kev', 'known[- ]exploited']),
  vulnerable: words([
    'vulnerab\\w*',
    'cves?',
    'osv',
    'affected',
    'safe',
    'secure',
    'patched',
    'exploitable',
  ]),
  signIns: words(['sign[- ]?ins?', 'log[- ]?ins?', 'logons?', 'authenticat\\w*']),
  risky: words([
    'risky',
    'risk',
    'suspicious',
    'anomal\\w*',
    'unusual',
    'compromised',
    'impossible travel',
  ]),
  riskyUsers: words([
    '(?:risky|at[- ]risk|compromised|high[- ]risk)\\s+(?:users?|accounts?|identities)',
    'users?\\b.*\\b(?:at|with)\\s+(?:\\w+\\s+)?risk',
  ]),
  incidents: words(['incidents?', 'alerts?']),
  failed: words([
    'failed',
    'failures?',
    'unsuccessful',
    'brute[- ]?forc\\w*',
    'password[- ]spray\\w*',
    'lock(?:ed)?[- ]?outs?',
  ]),
  riskDetections: words([
    'risk detections?',
    'risk events?',
    'identity protection',
    'why (?:was|is|were|are)\\b.*\\b(?:risky|flagged|at risk)',
  ]),
  processes: words(['(?:rare|unusual|uncommon|odd|strange|new) process(?:es)?']),
  /** With a CVE id: the question is whether our devices have it, not what it is. */
  exposure: words([
    'expos(?:ed|ure)',
    'impacted',
    'hosts?',
    'fleet',
    'servers?',
    'workstations?',
    '(?:are|is) (?:we|any of (?:us|ours))\\b.*\\b(?:vulnerable|affected|at risk|patched)',
  ]),
  devices: words([
    'devices?',
    'laptops?',
    'desktops?',
    'endpoints?',
    'machines?',
    'computers?',
    'phones?',
    'intune',
    '(?:non-?)?compliant',
    'compliance',
  ]),
  userLookup: words([
    'who is',
    'look ?up',
    'user (?:details|info|profile)',
    'details (?:for|of|about)',
  ]),
  guidance: words([
    'improve',
    'harden\\w*',
    'best practices?',
    'checklist',
    'guidance',
    'recommend\\w*',
    'protect',
    'defend',
    'prevent',
    'mitigat\\w*',
    'strengthen',
    'how (?:do|can|should|could) (?:we|i)',
  ]),
};

const MAX_CALLS_PER_KIND = 3;

/**
 * `offers` says which skills this deployment has, for rules with a better skill when one is
 * there (a Sentinel KQL hunt for failed sign-ins) and a plainer one otherwise.
 */
export function routeQuestion(
  text: string,
  entities: Entities,
  offers: (skill: string) => boolean = () => true,
): SkillCall[] | undefined {
  const e = entities;
  const window = e.sinceDays ? { sinceDays: e.sinceDays } : {};
  const user = e.users[0];

  if (e.hashes.length > 0 || e.urls.length > 0 || INTENT.extract.test(text)) {
    return [{ skill: 'extract_indicators', input: { text } }];
  }
  if (e.cveIds.length > 0) {
    const skill = isExposureQuestion(text, e) ? 'device_exposure' : 'lookup_cve';
    return e.cveIds.slice(0, MAX_CALLS_PER_KIND).map((cveId) => call(skill, { cveId }));
  }
  if (INTENT.kev.test(text)) return [call('kev_recent', { days: e.sinceDays ?? 7 })];
  if (e.techniqueIds.length > 0) {
    return e.techniqueIds
      .slice(0, MAX_CALLS_PER_KIND)
      .map((id) => call('attack_technique', { id }));
  }
  if (e.pkg && INTENT.vulnerable.test(text)) {
    const { ecosystem, name, version } = e.pkg;
    return [call('osv_query', { ecosystem, name, version })];
  }
  const huntFailures = offers('hunt') && INTENT.failed.test(text) && INTENT.signIns.test(text);
  if (huntFailures && (user || e.ips.length > 0)) {
    return [hunt('failed_signins', { user, ip: e.ips[0], sinceDays: e.sinceDays })];
  }
  if (INTENT.processes.test(text) && e.devices.length > 0) {
    return [hunt('rare_processes', { host: e.devices[0], sinceDays: e.sinceDays })];
  }
  if (e.ips.length > 0) {
    const skill = INTENT.signIns.test(text) ? 'list_signins' : 'ip_activity';
    return e.ips.slice(0, MAX_CALLS_PER_KIND).map((ip) => call(skill, { ip, ...window }));
  }
  if (e.incidentId) return [call('get_incident', { incidentId: e.incidentId })];
  if (INTENT.incidents.test(text)) {
    return [call('list_incidents', { severity: e.severity, status: e.status, ...window })];
  }
  if (INTENT.riskDetections.test(text) && !INTENT.signIns.test(text)) {
    return [call('list_risk_detections', { user, riskLevel: e.riskLevel, ...window })];
  }
  if (INTENT.signIns.test(text)) {
    const riskyOnly = INTENT.risky.test(text) && !e.riskLevel ? true : undefined;
    return [call('list_signins', { user, riskyOnly, riskLevel: e.riskLevel, ...window })];
  }
  if (INTENT.riskyUsers.test(text)) return [call('list_risky_users', { riskLevel: e.riskLevel })];
  if (e.devices.length > 0 || INTENT.devices.test(text)) {
    const device = e.devices[0];
    return [
      call('list_devices', { device, user: device ? undefined : user, compliance: e.compliance }),
    ];
  }
  if (user && (INTENT.userLookup.test(text) || e.emails.includes(user))) {
    return [call('lookup_user', { user })];
  }
  if (INTENT.guidance.test(text)) return [call('security_guidance', { topic: topicOf(text) })];
  if (e.domains.length > 0 || e.emails.length > 0 || e.ips.length > 0) {
    return [{ skill: 'extract_indicators', input: { text } }];
  }
  return undefined;
}

/**
 * "Which devices are exposed to CVE-…?", "are any of our laptops vulnerable to CVE-…?". When
 * no security data is connected the planner drops the call and says the source is missing.
 */
function isExposureQuestion(text: string, entities: Entities): boolean {
  return INTENT.exposure.test(text) || INTENT.devices.test(text) || entities.devices.length > 0;
}

function hunt(name: string, input: Record<string, unknown>): SkillCall {
  return call('hunt', { hunt: name, ...input });
}

/** A call with the undefined fields left out, so traces and follow-ups stay clean. */
function call(skill: string, input: Record<string, unknown>): SkillCall {
  const defined = Object.entries(input).filter(([, value]) => value !== undefined);
  return { skill, input: Object.fromEntries(defined) };
}

const FOR_OR_ON = '(?: for| on)?';
const QUESTION_SCAFFOLD = new RegExp(
  String.raw`^${anyPattern([
    'how (?:do|can|should|could) (?:we|i)',
    `what (?:are|is) (?:the )?(?:best practices?|recommendations?|guidance)${FOR_OR_ON}`,
    `give me (?:a )?(?:checklist|guidance)${FOR_OR_ON}`,
    `any (?:tips|advice)${FOR_OR_ON}`,
    `(?:best practices?|checklist|guidance)${FOR_OR_ON}`,
  ])}\s+`,
  'i',
);
const FILLER = new RegExp(
  String.raw`\b${anyPattern([
    'improve',
    'harden',
    'hardening',
    'better',
    'strengthen',
    'secure',
    'protect',
    'defend',
    'prevent',
    'against',
    'our',
    'my',
    'the',
    'we',
    'us',
    'to',
    'please',
  ])}\b`,
  'gi',
);

/** The subject of a guidance question: "how do we improve our web security?" → "web security". */
export function topicOf(text: string): string {
  const subject = text
    .trim()
    .replace(/[?!.]+$/, '')
    .replace(QUESTION_SCAFFOLD, '')
    .replace(FILLER, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return subject !== '' ? subject : text.trim();
}

/** Parameters a follow-up may change in the previous turn's calls, by input field name. */
export function followUpOverrides(entities: Entities): Record<string, unknown> {
  const overrides: Record<string, unknown> = {
    user: entities.users[0],
    sinceDays: entities.sinceDays,
    days: entities.sinceDays,
    ip: entities.ips[0],
    device: entities.devices[0],
    severity: entities.severity,
    status: entities.status,
    riskLevel: entities.riskLevel,
    compliance: entities.compliance,
  };
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}
