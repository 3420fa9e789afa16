import type { AlertEvidence, SecurityAlert, SecurityIncident } from '../security/types';
import { ago, todayAgo } from './clock';
import { PHISHING_SITE } from './network';
import { DEMO_IPS } from './signins';
import { upnOf } from './users';

/** Fictional hashes for the story's files (SHA-256 of made-up content, not real malware). */
export const DEMO_FILES = {
  payrollScript: {
    name: 'payroll_update.ps1',
    sha256: '0a14af99c45a4f361298a2e2fd99ae7fe941fe909bdff6d1585ef02286789ad3',
  },
  invoiceDropper: {
    name: 'invoice_scan.exe',
    sha256: '54262b99f3c08ea19720744e1ad426bb1b4fe5492acc32dd191e7244008a72a1',
  },
};

const PHISHING_SENDER = 'hr-payroll@contoso-payroll-update.com';

function evidence(
  type: AlertEvidence['type'],
  value: string,
  roles: string[] = [],
  detail?: string,
  verdict?: AlertEvidence['verdict'],
): AlertEvidence {
  return { type, value, roles, detail, verdict };
}

function alert(fields: Omit<SecurityAlert, 'status'> & { status?: SecurityAlert['status'] }) {
  return { status: 'new' as const, ...fields };
}

/** Incident 2041: Bob Lee phished, his password used from a Tor exit, PowerShell on his laptop. */
function phishingIncident(now: Date): SecurityIncident {
  const bob = upnOf('bob');
  return {
    id: '2041',
    displayName: 'Phishing: credential-harvesting link delivered to Bob Lee',
    description:
      'A payroll-themed phishing e-mail reached Bob Lee. The link was opened on CONTOSO-LT-0142; ' +
      "Bob's credentials were then used from an anonymising IP address and a PowerShell script " +
      'ran on the laptop.',
    severity: 'high',
    status: 'active',
    classification: 'unknown',
    assignedTo: upnOf('alex'),
    createdDateTime: ago(now, { days: 2, hours: 2, minutes: 40 }),
    lastUpdateDateTime: todayAgo(now, 11),
    customTags: ['phishing', 'finance'],
    alerts: [
      alert({
        id: 'da0b6a5f-2041-4c01-9e11-000000000001',
        title: 'Email messages containing malicious URL removed after delivery',
        severity: 'medium',
        status: 'resolved',
        category: 'InitialAccess',
        serviceSource: 'microsoftDefenderForOffice365',
        createdDateTime: ago(now, { days: 2, hours: 2, minutes: 40 }),
        mitreTechniques: ['T1566.002'],
        evidence: [
          evidence('mailbox', bob, ['destination']),
          evidence(
            'mailMessage',
            'Action required: confirm your payroll details',
            [],
            `from ${PHISHING_SENDER}`,
            'malicious',
          ),
          evidence('url', PHISHING_SITE.url, [], undefined, 'malicious'),
        ],
      }),
      alert({
        id: 'da0b6a5f-2041-4c01-9e11-000000000002',
        title: 'A potentially malicious URL click was detected',
        severity: 'high',
        category: 'InitialAccess',
        serviceSource: 'microsoftDefenderForOffice365',
        createdDateTime: ago(now, { days: 2, hours: 2, minutes: 45 }),
        mitreTechniques: ['T1204.001'],
        evidence: [
          evidence('user', bob, ['compromised']),
          evidence('url', PHISHING_SITE.url, [], undefined, 'malicious'),
          evidence('device', 'CONTOSO-LT-0142', ['compromised']),
        ],
      }),
      alert({
        id: 'da0b6a5f-2041-4c01-9e11-000000000003',
        title: 'Anonymous IP address',
        severity: 'high',
        category: 'InitialAccess',
        serviceSource: 'azureAdIdentityProtection',
        createdDateTime: todayAgo(now, 46),
        mitreTechniques: ['T1078.004'],
        evidence: [
          evidence('user', bob, ['compromised']),
          evidence(
            'ip',
            DEMO_IPS.torExit,
            ['attacker'],
            'Tor exit node, Amsterdam (NL)',
            'malicious',
          ),
        ],
      }),
      alert({
        id: 'da0b6a5f-2041-4c01-9e11-000000000004',
        title: 'Suspicious PowerShell command line',
        severity: 'medium',
        category: 'Execution',
        serviceSource: 'microsoftDefenderForEndpoint',
        createdDateTime: todayAgo(now, 40),
        mitreTechniques: ['T1059.001'],
        evidence: [
          evidence('device', 'CONTOSO-LT-0142', ['compromised']),
          evidence(
            'process',
            'powershell.exe',
            [],
            'powershell.exe -nop -w hidden -ep bypass -f payroll_update.ps1',
            'suspicious',
          ),
          evidence(
            'file',
            DEMO_FILES.payrollScript.name,
            [],
            `SHA-256 ${DEMO_FILES.payrollScript.sha256}`,
            'malicious',
          ),
          evidence('ip', DEMO_IPS.torExit, ['attacker']),
        ],
      }),
    ],
  };
}

function torWorkstationIncident(now: Date): SecurityIncident {
  return {
    id: '2042',
    displayName: 'Connection to a Tor exit node from CONTOSO-WS-FIN01',
    description:
      'The finance workstation connected to 185.220.101.4 on port 9001 from rundll32.exe.',
    severity: 'high',
    status: 'active',
    createdDateTime: todayAgo(now, 22),
    lastUpdateDateTime: todayAgo(now, 22),
    customTags: ['finance'],
    alerts: [
      alert({
        id: 'da0b6a5f-2042-4c01-9e11-000000000001',
        title: 'Connection to a known Tor exit node',
        severity: 'high',
        category: 'CommandAndControl',
        serviceSource: 'microsoftDefenderForEndpoint',
        createdDateTime: todayAgo(now, 22),
        mitreTechniques: ['T1090.003'],
        evidence: [
          evidence('device', 'CONTOSO-WS-FIN01', ['compromised']),
          evidence('ip', DEMO_IPS.torExit, ['attacker'], 'Tor exit node, Amsterdam (NL)'),
          evidence(
            'process',
            'rundll32.exe',
            [],
            'rundll32.exe C:\\Users\\Public\\upd.dll,Start',
            'suspicious',
          ),
          evidence('user', upnOf('sofia'), []),
        ],
      }),
    ],
  };
}

function impossibleTravelIncident(now: Date): SecurityIncident {
  return {
    id: '2038',
    displayName: 'Impossible travel activity involving Priya Nair',
    severity: 'medium',
    status: 'inProgress',
    assignedTo: upnOf('alex'),
    createdDateTime: ago(now, { days: 3, hours: 1, minutes: 50 }),
    lastUpdateDateTime: ago(now, { days: 1, hours: 6 }),
    customTags: [],
    alerts: [
      alert({
        id: 'da0b6a5f-2038-4c01-9e11-000000000001',
        title: 'Impossible travel activity',
        severity: 'medium',
        status: 'inProgress',
        category: 'InitialAccess',
        serviceSource: 'microsoftDefenderForCloudApps',
        createdDateTime: ago(now, { days: 3, hours: 1, minutes: 50 }),
        mitreTechniques: ['T1078'],
        evidence: [
          evidence('user', upnOf('priya'), ['contextual']),
          evidence('ip', DEMO_IPS.londonHome, [], 'London (GB)'),
          evidence('ip', DEMO_IPS.lagos, ['suspicious'], 'Lagos (NG)'),
        ],
      }),
    ],
  };
}

function blockedMalwareIncident(now: Date): SecurityIncident {
  return {
    id: '2036',
    displayName: "'Wacatac' trojan prevented on CONTOSO-LT-0115",
    severity: 'low',
    status: 'resolved',
    classification: 'truePositive',
    determination: 'malware',
    assignedTo: upnOf('tom'),
    createdDateTime: ago(now, { days: 6, hours: 3 }),
    lastUpdateDateTime: ago(now, { days: 5, hours: 20 }),
    customTags: [],
    alerts: [
      alert({
        id: 'da0b6a5f-2036-4c01-9e11-000000000001',
        title: "'Wacatac' malware was prevented",
        severity: 'low',
        status: 'resolved',
        category: 'Malware',
        serviceSource: 'microsoftDefenderForEndpoint',
        createdDateTime: ago(now, { days: 6, hours: 3 }),
        mitreTechniques: [],
        evidence: [
          evidence('device', 'CONTOSO-LT-0115', []),
          evidence(
            'file',
            DEMO_FILES.invoiceDropper.name,
            [],
            `SHA-256 ${DEMO_FILES.invoiceDropper.sha256}`,
            'malicious',
          ),
          evidence('user', upnOf('maria'), []),
        ],
      }),
    ],
  };
}

function massDownloadIncident(now: Date): SecurityIncident {
  return {
    id: '2030',
    displayName: 'Mass download by Dan Wu from SharePoint',
    severity: 'informational',
    status: 'resolved',
    classification: 'informationalExpectedActivity',
    determination: 'other',
    assignedTo: upnOf('alex'),
    createdDateTime: ago(now, { days: 9, hours: 2 }),
    lastUpdateDateTime: ago(now, { days: 8, hours: 22 }),
    customTags: [],
    alerts: [
      alert({
        id: 'da0b6a5f-2030-4c01-9e11-000000000001',
        title: 'Mass download by a single user',
        severity: 'informational',
        status: 'resolved',
        category: 'Exfiltration',
        serviceSource: 'microsoftDefenderForCloudApps',
        createdDateTime: ago(now, { days: 9, hours: 2 }),
        mitreTechniques: ['T1530'],
        evidence: [evidence('user', upnOf('dan'), ['contextual'])],
      }),
    ],
  };
}

export function buildIncidents(now: Date): SecurityIncident[] {
  return [
    torWorkstationIncident(now),
    phishingIncident(now),
    impossibleTravelIncident(now),
    blockedMalwareIncident(now),
    massDownloadIncident(now),
  ];
}
