import type { ComplianceState, ManagedDevice } from '../security/types';
import { ago, type Offset, todayAgo } from './clock';
import { type DemoPerson, displayNameOf, upnOf } from './users';

interface DeviceSeed {
  id: string;
  deviceName: string;
  owner: DemoPerson;
  operatingSystem: string;
  osVersion: string;
  complianceState: ComplianceState;
  /** Minutes since the last check-in, or an offset for devices silent for days. */
  lastSync: number | Offset;
  manufacturer: string;
  model: string;
  isEncrypted: boolean;
  ownerType: ManagedDevice['managedDeviceOwnerType'];
}

/**
 * Ten devices. Bob Lee's laptop is noncompliant (outdated Windows build) and part of incident
 * 2041; Maria Garcia's runs Windows 10 without BitLocker; Lena Fischer's has not checked in
 * for weeks; Sofia Rossi's finance workstation talked to the Tor exit today.
 */
const DEVICES: DeviceSeed[] = [
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d0142',
    deviceName: 'CONTOSO-LT-0142',
    owner: 'bob',
    operatingSystem: 'Windows',
    osVersion: '10.0.22631.3880',
    complianceState: 'noncompliant',
    lastSync: 30,
    manufacturer: 'Dell Inc.',
    model: 'Latitude 7440',
    isEncrypted: true,
    ownerType: 'company',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d1015',
    deviceName: 'BOB-IPHONE15',
    owner: 'bob',
    operatingSystem: 'iOS',
    osVersion: '17.5.1',
    complianceState: 'compliant',
    lastSync: 95,
    manufacturer: 'Apple',
    model: 'iPhone 15',
    isEncrypted: true,
    ownerType: 'personal',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d0007',
    deviceName: 'CONTOSO-LT-0007',
    owner: 'alex',
    operatingSystem: 'Windows',
    osVersion: '10.0.26100.4061',
    complianceState: 'compliant',
    lastSync: 12,
    manufacturer: 'Lenovo',
    model: 'ThinkPad X1 Carbon Gen 12',
    isEncrypted: true,
    ownerType: 'company',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d0088',
    deviceName: 'CONTOSO-MB-0088',
    owner: 'priya',
    operatingSystem: 'macOS',
    osVersion: '15.5',
    complianceState: 'compliant',
    lastSync: 240,
    manufacturer: 'Apple',
    model: 'MacBook Pro (14-inch, M3)',
    isEncrypted: true,
    ownerType: 'company',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d0115',
    deviceName: 'CONTOSO-LT-0115',
    owner: 'maria',
    operatingSystem: 'Windows',
    osVersion: '10.0.19045.4651',
    complianceState: 'noncompliant',
    lastSync: { days: 1, hours: 4 },
    manufacturer: 'HP',
    model: 'EliteBook 840 G7',
    isEncrypted: false,
    ownerType: 'company',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d0131',
    deviceName: 'CONTOSO-MB-0131',
    owner: 'dan',
    operatingSystem: 'macOS',
    osVersion: '14.6.1',
    complianceState: 'compliant',
    lastSync: 300,
    manufacturer: 'Apple',
    model: 'MacBook Air (13-inch, M2)',
    isEncrypted: true,
    ownerType: 'company',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9df001',
    deviceName: 'CONTOSO-WS-FIN01',
    owner: 'sofia',
    operatingSystem: 'Windows',
    osVersion: '10.0.22631.4890',
    complianceState: 'compliant',
    lastSync: 20,
    manufacturer: 'HP',
    model: 'EliteDesk 800 G6',
    isEncrypted: true,
    ownerType: 'company',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d0099',
    deviceName: 'CONTOSO-LT-0099',
    owner: 'tom',
    operatingSystem: 'Windows',
    osVersion: '10.0.26100.4061',
    complianceState: 'compliant',
    lastSync: 40,
    manufacturer: 'Lenovo',
    model: 'ThinkPad T14 Gen 5',
    isEncrypted: true,
    ownerType: 'company',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d2008',
    deviceName: 'TOM-PIXEL8',
    owner: 'tom',
    operatingSystem: 'Android',
    osVersion: '14',
    complianceState: 'inGracePeriod',
    lastSync: { days: 2 },
    manufacturer: 'Google',
    model: 'Pixel 8',
    isEncrypted: true,
    ownerType: 'personal',
  },
  {
    id: '7c1e9b2a-4d3f-4a6e-8b0c-2f1a0e9d0150',
    deviceName: 'CONTOSO-LT-0150',
    owner: 'lena',
    operatingSystem: 'Windows',
    osVersion: '10.0.22631.3447',
    complianceState: 'unknown',
    lastSync: { days: 23 },
    manufacturer: 'Dell Inc.',
    model: 'Latitude 5440',
    isEncrypted: true,
    ownerType: 'company',
  },
];

export function buildDevices(now: Date): ManagedDevice[] {
  return DEVICES.map((seed, position) => ({
    id: seed.id,
    deviceName: seed.deviceName,
    userPrincipalName: upnOf(seed.owner),
    userDisplayName: displayNameOf(seed.owner),
    operatingSystem: seed.operatingSystem,
    osVersion: seed.osVersion,
    complianceState: seed.complianceState,
    lastSyncDateTime:
      typeof seed.lastSync === 'number' ? todayAgo(now, seed.lastSync) : ago(now, seed.lastSync),
    enrolledDateTime: ago(now, { days: 200 + position * 23 }),
    manufacturer: seed.manufacturer,
    model: seed.model,
    isEncrypted: seed.isEncrypted,
    managedDeviceOwnerType: seed.ownerType,
  }));
}

/** Whether a sign-in from this device would pass a "require compliant device" policy. */
export function isCompliantDevice(deviceName: string): boolean | undefined {
  const seed = DEVICES.find((d) => d.deviceName === deviceName);
  return seed && seed.complianceState === 'compliant';
}

export function deviceIdOf(deviceName: string): string {
  const seed = DEVICES.find((d) => d.deviceName === deviceName);
  if (!seed) throw new Error(`demo tenant has no device ${deviceName}`);
  return seed.id;
}
