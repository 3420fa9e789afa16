import type { SkillCall } from './skill-runner';

type Input = Record<string, unknown>;

const TITLE_MAX_CHARS = 80;

const LEVELS: Record<string, string> = {
  active: 'Open',
  inProgress: 'In-progress',
  resolved: 'Resolved',
  redirected: 'Redirected',
};

function windowText(input: Input, key = 'sinceDays'): string {
  const days = input[key];
  if (typeof days !== 'number') return '';
  return days === 1 ? ', last 24 hours' : `, last ${days} days`;
}

const HUNT_TITLES: Record<string, string> = {
  failed_signins: 'Failed sign-ins',
  anomalous_signins: 'Risky sign-ins',
  ip_activity: 'Activity',
  rare_processes: 'Rare processes',
};

const DESCRIBE: Record<string, (input: Input) => string> = {
  list_signins: (i) => {
    const kind = i.riskyOnly ? 'Risky sign-ins' : i.riskLevel ? `${i.riskLevel}-risk sign-ins` : '';
    const who = `${i.user ? ` for ${i.user}` : ''}${i.ip ? ` from ${i.ip}` : ''}`;
    return `${kind || 'Sign-ins'}${who}${windowText(i)}`;
  },
  list_incidents: (i) => {
    const words = [
      i.status ? LEVELS[String(i.status)] : '',
      i.severity ? `${i.severity}-severity` : '',
    ];
    const label = words.filter(Boolean).join(' ');
    return `${label ? `${label} incidents` : 'Incidents'}${windowText(i)}`;
  },
  get_incident: (i) => `Incident ${i.incidentId}`,
  list_risky_users: (i) => (i.riskLevel ? `Users at ${i.riskLevel} risk` : 'Risky users'),
  list_devices: (i) =>
    i.device ? `Device ${i.device}` : i.user ? `Devices of ${i.user}` : 'Managed devices',
  lookup_user: (i) => `User ${i.user}`,
  lookup_cve: (i) => String(i.cveId),
  device_exposure: (i) => `Device exposure to ${i.cveId}`,
  kev_recent: (i) => `Added to CISA KEV${windowText(i, 'days')}`,
  osv_query: (i) => `${i.name} ${i.version} (${i.ecosystem})`,
  attack_technique: (i) => `MITRE ATT&CK ${i.id}`,
  ip_activity: (i) => `Activity with ${i.ip}${windowText(i)}`,
  list_risk_detections: (i) => `Risk detections${i.user ? ` for ${i.user}` : ''}${windowText(i)}`,
  hunt: (i) => {
    const subject = i.user ?? i.ip ?? i.host;
    const what = HUNT_TITLES[String(i.hunt)] ?? 'Hunt';
    return `${what}${subject ? ` ${i.host ? 'on' : 'for'} ${subject}` : ''}${windowText(i)}`;
  },
  run_kql: () => 'KQL query',
  advanced_hunting: () => 'Advanced hunting query',
  security_guidance: (i) => `Guidance: ${i.topic}`,
  extract_indicators: () => 'Indicators found',
};

/** A card title naming what was checked: "Risky sign-ins, last 7 days". */
export function titleForCalls(calls: SkillCall[]): string {
  const parts = [
    ...new Set(
      calls.map((call) => {
        const describe = DESCRIBE[call.skill];
        const input = (call.input ?? {}) as Input;
        return describe ? describe(input) : call.skill.replace(/_/g, ' ');
      }),
    ),
  ];
  const title = parts.join(' · ');
  const capitalised = title.charAt(0).toUpperCase() + title.slice(1);
  return capitalised.length <= TITLE_MAX_CHARS
    ? capitalised
    : `${capitalised.slice(0, TITLE_MAX_CHARS - 1)}…`;
}
