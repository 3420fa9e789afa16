/**
 * Words users see about skills: where data comes from ("Entra ID sign-ins"), what Warden is
 * doing ("Checking Entra ID sign-ins…"), and what to ask next.
 */

const SOURCE_NAMES: Record<string, string> = {
  extract_indicators: 'indicator extraction',
  lookup_cve: 'NVD and CISA KEV',
  kev_recent: 'the CISA KEV catalog',
  osv_query: 'the OSV vulnerability database',
  attack_technique: 'MITRE ATT&CK',
  list_incidents: 'Defender XDR and Sentinel incidents',
  get_incident: 'the incident record',
  list_signins: 'Entra ID sign-ins',
  list_risky_users: 'Entra ID Protection risky users',
  list_devices: 'Intune devices',
  lookup_user: 'the user directory',
  ip_activity: 'network activity and sign-ins',
  list_risk_detections: 'Entra ID Protection risk detections',
  device_exposure: 'device exposure',
  hunt: 'Microsoft Sentinel hunting (KQL)',
  run_kql: 'the Microsoft Sentinel workspace (KQL)',
  advanced_hunting: 'Defender XDR advanced hunting',
  security_guidance: 'the security guidance library',
};

/** Human name of the data source behind a skill. */
export function sourceName(skill: string): string {
  return SOURCE_NAMES[skill] ?? skill.replace(/_/g, ' ');
}

/** Short progress text shown while a skill runs. */
export function progressText(skill: string): string {
  if (skill === 'extract_indicators') return 'Extracting indicators…';
  return `Checking ${sourceName(skill)}…`;
}

/** The same text with a capital first letter, for the start of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Input = Record<string, unknown>;

const SUGGESTIONS: Record<string, (input: Input) => string[]> = {
  list_signins: (input) =>
    input.user
      ? [`Is ${String(input.user)}'s device compliant?`, 'Which users are at high risk?']
      : ['Which users are at high risk?', 'What about last month?'],
  list_risky_users: () => ['Which of our users had risky sign-ins this week?'],
  list_incidents: () => ['Show resolved incidents from the last 30 days'],
  get_incident: () => ['Show open high-severity incidents', 'How do we protect against phishing?'],
  lookup_cve: () => ['What was added to KEV this week?'],
  kev_recent: () => ['What was added to KEV this month?'],
  osv_query: () => ['What was added to KEV this week?'],
  attack_technique: () => ['How do we improve our web security?'],
  ip_activity: (input) => [`Show sign-ins from ${String(input.ip)}`],
  list_devices: () => ['Which devices are noncompliant?'],
  lookup_user: (input) => [`Show sign-ins for ${String(input.user)} this week`],
  security_guidance: () => ['Show open high-severity incidents'],
  list_risk_detections: (input) =>
    input.user
      ? [`Show sign-ins for ${String(input.user)} this week`]
      : ['Which users are at high risk?'],
  device_exposure: () => ['Which devices are noncompliant?', 'What was added to KEV this week?'],
  hunt: () => ['Show open high-severity incidents'],
  extract_indicators: () => ['What was added to KEV this week?'],
};

const DEFAULT_SUGGESTIONS = [
  'Which of our users had risky sign-ins this week?',
  'Show open high-severity incidents',
  'What was added to KEV this week?',
];

/** Up to three follow-up questions that fit the skills that ran, never the question itself. */
export function suggestionsFor(
  calls: { skill: string; input: unknown }[],
  question: string,
): string[] {
  const picked = new Set<string>();
  for (const call of calls) {
    const make = SUGGESTIONS[call.skill];
    const input = (
      typeof call.input === 'object' && call.input !== null ? call.input : {}
    ) as Input;
    for (const suggestion of make ? make(input) : []) picked.add(suggestion);
  }
  for (const suggestion of DEFAULT_SUGGESTIONS) picked.add(suggestion);
  const asked = normalise(question);
  return [...picked].filter((suggestion) => normalise(suggestion) !== asked).slice(0, 3);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
