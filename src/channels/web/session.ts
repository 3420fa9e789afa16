import type { Actor } from '../../core/conversation';

/** The people and rooms of the playground, all in one tenant. */
export const PLAYGROUND_USERS: Actor[] = [
  { id: 'web-alex', name: 'Alex Kim' },
  { id: 'web-priya', name: 'Priya Nair' },
];

export const PLAYGROUND_CONVERSATIONS = [
  { id: 'web-inc-2041-phishing', name: '#inc-2041-phishing' },
  { id: 'web-soc-triage', name: '#soc-triage' },
  { id: 'web-vuln-mgmt', name: '#vuln-management' },
  { id: 'web-dm', name: 'Direct message with Warden' },
];

export const PLAYGROUND_SUGGESTIONS = [
  'Which of our users had risky sign-ins this week?',
  'Show open high-severity incidents',
  'Which hosts talked to 185.220.101.4 today?',
  'Tell me about CVE-2021-44228',
  'How do we improve our web security?',
];
