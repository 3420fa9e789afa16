import type { NetworkConnection } from '../security/types';
import { ago, type Offset, todayAgo } from './clock';
import { deviceIdOf } from './devices';
import { DEMO_IPS } from './signins';
import { type DemoPerson, upnOf } from './users';

/** The phishing site's address in the demo story (a documentation-range address). */
export const PHISHING_SITE = {
  ip: '203.0.113.66',
  url: 'https://contoso-payroll-update.com/login.php',
};

interface ConnectionSeed {
  /** Minutes ago today, or an offset for earlier days. */
  at: number | Offset;
  device: string;
  localIp: string;
  user: DemoPerson;
  process: string;
  remoteIp: string;
  remotePort: number;
  remoteUrl?: string;
}

const CONNECTIONS: ConnectionSeed[] = [
  // Bob's laptop beacons to the Tor exit after the phishing payload ran.
  {
    at: 12,
    device: 'CONTOSO-LT-0142',
    localIp: '10.20.4.142',
    user: 'bob',
    process: 'powershell.exe',
    remoteIp: DEMO_IPS.torExit,
    remotePort: 443,
  },
  {
    at: 38,
    device: 'CONTOSO-LT-0142',
    localIp: '10.20.4.142',
    user: 'bob',
    process: 'powershell.exe',
    remoteIp: DEMO_IPS.torExit,
    remotePort: 443,
  },
  {
    at: 41,
    device: 'CONTOSO-LT-0142',
    localIp: '10.20.4.142',
    user: 'bob',
    process: 'powershell.exe',
    remoteIp: DEMO_IPS.torExit,
    remotePort: 443,
  },
  // The finance workstation reached the same exit on a Tor relay port.
  {
    at: 25,
    device: 'CONTOSO-WS-FIN01',
    localIp: '10.20.6.21',
    user: 'sofia',
    process: 'rundll32.exe',
    remoteIp: DEMO_IPS.torExit,
    remotePort: 9001,
  },
  // Bob opened the phishing link two days ago.
  {
    at: { days: 2, hours: 2, minutes: 50 },
    device: 'CONTOSO-LT-0142',
    localIp: '10.20.4.142',
    user: 'bob',
    process: 'msedge.exe',
    remoteIp: PHISHING_SITE.ip,
    remotePort: 443,
    remoteUrl: PHISHING_SITE.url,
  },
  // Everyday traffic to Microsoft 365 and GitHub.
  {
    at: 15,
    device: 'CONTOSO-LT-0007',
    localIp: '10.20.2.7',
    user: 'alex',
    process: 'msedge.exe',
    remoteIp: '20.190.151.68',
    remotePort: 443,
    remoteUrl: 'https://login.microsoftonline.com',
  },
  {
    at: 180,
    device: 'CONTOSO-WS-FIN01',
    localIp: '10.20.6.21',
    user: 'sofia',
    process: 'OUTLOOK.EXE',
    remoteIp: '52.97.146.162',
    remotePort: 443,
    remoteUrl: 'https://outlook.office365.com',
  },
  {
    at: 200,
    device: 'CONTOSO-LT-0099',
    localIp: '10.20.3.99',
    user: 'tom',
    process: 'ms-teams.exe',
    remoteIp: '52.113.194.132',
    remotePort: 443,
    remoteUrl: 'https://teams.microsoft.com',
  },
  {
    at: { days: 1, hours: 5 },
    device: 'CONTOSO-LT-0115',
    localIp: '10.20.5.115',
    user: 'maria',
    process: 'OUTLOOK.EXE',
    remoteIp: '52.97.146.162',
    remotePort: 443,
    remoteUrl: 'https://outlook.office365.com',
  },
  {
    at: { days: 1, hours: 7 },
    device: 'CONTOSO-MB-0131',
    localIp: '192.168.1.31',
    user: 'dan',
    process: 'git',
    remoteIp: '140.82.112.3',
    remotePort: 443,
    remoteUrl: 'https://github.com',
  },
  {
    at: { days: 3, hours: 1 },
    device: 'CONTOSO-MB-0088',
    localIp: '192.168.0.88',
    user: 'priya',
    process: 'Safari',
    remoteIp: '20.190.151.68',
    remotePort: 443,
    remoteUrl: 'https://login.microsoftonline.com',
  },
];

export function buildNetworkConnections(now: Date): NetworkConnection[] {
  return CONNECTIONS.map((seed) => ({
    timestamp: typeof seed.at === 'number' ? todayAgo(now, seed.at) : ago(now, seed.at),
    deviceId: deviceIdOf(seed.device),
    deviceName: seed.device,
    actionType: 'ConnectionSuccess',
    localIp: seed.localIp,
    remoteIp: seed.remoteIp,
    remotePort: seed.remotePort,
    remoteUrl: seed.remoteUrl,
    protocol: 'Tcp',
    initiatingProcessFileName: seed.process,
    initiatingProcessAccountUpn: upnOf(seed.user),
  }));
}
