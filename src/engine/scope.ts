import { anyOf, escapeRegExp, phrases } from './patterns';

/**
 * The scope guard: a deterministic check, before any planning, that a question is security work.
 * It runs without the model so off-topic questions cost nothing and cannot steer the model.
 */

export interface ScopeContext {
  /** Whether the previous turn of this conversation was in scope (enables short follow-ups). */
  previousInScope?: boolean;
}

export interface ScopeDecision {
  inScope: boolean;
  /** Why, in a few words, for logs and tests. */
  reason: string;
  /** A greeting or a question about Warden itself: answer with an introduction. */
  help?: boolean;
}

// Indicators are strong signals on their own: nobody pastes a SHA-256 to ask for a recipe.
const INDICATOR_SIGNALS: [RegExp, string][] = [
  [/\bCVE-\d{4}-\d{4,7}\b/i, 'CVE id'],
  [/\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/i, 'advisory id'],
  [/\bT1\d{3}(?:\.\d{3})?\b/, 'ATT&CK technique id'],
  [/\b(?:\d{1,3}(?:\.|\[\.\]|\(\.\))){3}\d{1,3}\b/, 'IP address'],
  [/\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b/i, 'IPv6 address'],
  [/\b(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64})\b/i, 'file hash'],
  [/\bhxxps?:\/\/|\[\.\]|\(\.\)|\[dot\]/i, 'defanged indicator'],
  [/\b(?:incident|inc)[\s#:-]*\d{2,7}\b/i, 'incident number'],
  [/\bAPT\s?\d{1,3}\b/, 'threat actor'],
  [/\b[\w.%+-]+@[\w-]+(?:\.[\w-]+)+\b/, 'e-mail address or UPN'],
  [/\b(?:LAPTOP|DESKTOP|PC|WS|SRV|SERVER|HOST|VM|MAC|DC)-[A-Z0-9-]{2,}\b/, 'device name'],
  [
    /\b(?:check|look ?up|investigate|analy[sz]e|block|scan)\b.*\b[a-z0-9-]+\.[a-z]{2,}\b/i,
    'domain to check',
  ],
];

// Stems of security work, matched at a word start ("phish" matches "phishing").
const SECURITY_STEMS = phrases(
  'threat|incident|alert|sign-in|signin|login|log-in|logon|multi-factor|risky|vulnerab|' +
    'exploit|zero-day|malware|malicious|ransomware|trojan|spyware|botnet|backdoor|rootkit|' +
    'keylogger|antivirus|phish|spoof|impersonat|mitre|att&ck|suspicious|anomal|intrusion|' +
    'exfiltrat|credential|password|harden|firewall|encrypt|cross-site|cyber|infosec|pentest|' +
    'forensic|remediat|blocklist|allowlist|blacklist|anonymi|cybersecur|noncomplian|' +
    'non-complian|complian|conditional access|sentinel|defender|intune|purview|azure ad|oauth|' +
    'owasp|powershell|rundll32|regsvr32|mshta|certutil|psexec|mimikatz|cobalt strike|lolbin|' +
    'advanced hunting|rare process|unusual process|scheduled task persist|persistence mechanism',
);

// Whole words (an "s" plural allowed); as stems these would catch "soccer" or "entrance".
const SECURITY_WORDS = phrases(
  'security|secure|secured|securing|insecure|mfa|2fa|cve|kev|ioc|ttp|c2|edr|xdr|siem|soar|soc|' +
    'waf|ddos|vpn|tls|ssl|xss|csrf|csp|dlp|mdm|byod|kql|entra|tor|nist|gdpr|pci|hipaa|dmarc|' +
    'dkim|hacked|hacker|hacking|attacker|breached|compromised|device|malicious|risk level|' +
    'risk score|at risk|high-risk|high risk|risk detection|command and control|sql injection|' +
    'prompt injection|command injection|data breach|data leak|leaked|file hash|hashes|' +
    'ip address|privilege escalation|privileged access|lateral movement|brute force|' +
    'password spray|zero trust|least privilege|access review|audit log|threat hunting|dark web|' +
    'attack surface|under attack|attack path|attack chain|indicators of compromise|' +
    'impossible travel|session hijacking|token theft|red team|blue team|bug bounty|' +
    'patch tuesday|unpatched|look up user|lookup user|user details|upn|patching|' +
    'endpoint security|endpoint protection|computer virus|ip reputation|domain reputation|' +
    'iso 27001|soc 2|cis benchmark',
);

const SECURITY_PATTERN = new RegExp(
  `(?<![a-z0-9])(?:(?:${SECURITY_STEMS.map(escapeRegExp).join('|')})|` +
    `(?:${SECURITY_WORDS.map(escapeRegExp).join('|')})s?(?![a-z0-9]))`,
  'i',
);

// "report" and "policy" alone are too common elsewhere; they count with a security qualifier.
const REPORT_KINDS = anyOf(
  phrases('weekly|daily|monthly|executive|status|incident|threat|risk|posture|compliance'),
);
const REPORT_WORDS = anyOf(['report', 'summary', 'overview', 'policies', 'policy']);
const QUALIFIED_TERMS = new RegExp(String.raw`\b${REPORT_KINDS}\s+${REPORT_WORDS}\b`, 'i');

// Creative writing is refused even when it mentions a security word ("a poem about hackers").
const CREATIVE_FORMS = anyOf(
  phrases('poem|haiku|limerick|song|lyrics|story|joke|rap|sonnet|novel'),
);
const CREATIVE_WRITING = new RegExp(
  String.raw`\b(?:write|compose|make up|tell)\b.{0,40}\b${CREATIVE_FORMS}\b`,
  'i',
);

const FOLLOW_UP_OPENERS = phrases(
  'and|also|what about|how about|same for|now for|then|but|only|just|more|why|show me more|' +
    'more details|details|expand|go on|continue|what else|anything else|ok and|okay and|ok, and|' +
    'okay, and|ok what about|okay what about',
);
const FOLLOW_UP = new RegExp(String.raw`^\s*${anyOf(FOLLOW_UP_OPENERS)}\b`, 'i');

const FOLLOW_UP_MAX_WORDS = 10;

// Greetings and "what can you do?" get an introduction rather than a refusal.
const GREETINGS = phrases(
  'hi|hello|hey|help|good morning|good afternoon|good evening|what can you do|what do you do|' +
    'who are you|how do you work|what are you',
);
const GREETING_OR_HELP = new RegExp(String.raw`^\W*${anyOf(GREETINGS)}\b[\s\w,!?.]{0,20}$`, 'i');

export function classifyScope(text: string, context: ScopeContext = {}): ScopeDecision {
  const question = text.trim();
  if (CREATIVE_WRITING.test(question)) {
    return { inScope: false, reason: 'creative writing request' };
  }

  for (const [pattern, name] of INDICATOR_SIGNALS) {
    if (pattern.test(question)) return { inScope: true, reason: `indicator: ${name}` };
  }

  const term = SECURITY_PATTERN.exec(question);
  if (term) return { inScope: true, reason: `security term "${term[0].trim().toLowerCase()}"` };
  if (QUALIFIED_TERMS.test(question)) return { inScope: true, reason: 'security report or policy' };
  // After the security checks, so "help with phishing" is a question, not a greeting.
  if (GREETING_OR_HELP.test(question)) {
    return { inScope: false, reason: 'greeting or help request', help: true };
  }

  if (context.previousInScope && isFollowUp(question)) {
    return { inScope: true, reason: 'follow-up to a security question' };
  }
  return { inScope: false, reason: 'no security topic found' };
}

/** A short continuation of the previous question ("and for bob?", "what about last month?"). */
export function isFollowUp(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= FOLLOW_UP_MAX_WORDS && FOLLOW_UP.test(text);
}

export const EXAMPLE_QUESTIONS = [
  'Which of our users had risky sign-ins this week?',
  'Show open high-severity incidents',
  'Tell me about CVE-2021-44228',
];

export const REFUSAL_TITLE = 'Warden answers security questions only';

export const HELP_TITLE = "Hi, I'm Warden";

export function helpSummary(): string {
  return [
    "I'm a security copilot for your team. Ask me in plain language about incidents and " +
      'alerts, sign-ins and risky users, device compliance, vulnerabilities and CVEs, ' +
      'indicators such as IPs, domains and hashes, MITRE ATT&CK techniques, or hardening ' +
      'guidance. Every answer shows its sources.',
    '',
    'Try one of these:',
    ...EXAMPLE_QUESTIONS.map((question) => `- ${question}`),
  ].join('\n');
}

export function refusalSummary(): string {
  return [
    "That is outside what I can help with. I work on your organisation's security: incidents " +
      'and alerts, sign-ins and risky users, device compliance, vulnerabilities and CVEs, ' +
      'indicators such as IPs, domains and hashes, MITRE ATT&CK techniques, and hardening ' +
      'guidance.',
    '',
    'Try one of these:',
    ...EXAMPLE_QUESTIONS.map((question) => `- ${question}`),
  ].join('\n');
}
