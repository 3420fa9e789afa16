import type { SignIn } from '../security/types';
import { ago, type Offset, todayAgo } from './clock';
import { isCompliantDevice } from './devices';
import { type DemoPerson, displayNameOf, upnOf, userIdOf } from './users';

/** Contoso's office egress, home connections and the attacker's Tor exit. */
export const DEMO_IPS = {
  seattleOffice: '203.0.113.10',
  londonHome: '198.51.100.42',
  vancouverHome: '198.51.100.61',
  /** The anonymising address the attacker uses against Bob Lee (a Tor exit style address). */
  torExit: '185.220.101.4',
  /** Where Priya Nair's impossible-travel sign-in came from. */
  lagos: '198.51.100.77',
} as const;

interface Habit {
  ipAddress: string;
  city: string;
  countryOrRegion: string;
  /** Undefined for a device Contoso does not manage. */
  device: string | undefined;
  operatingSystem: string;
  browser: string;
  apps: string[];
}

const OFFICE_APPS = [
  'Microsoft Teams',
  'Office 365 Exchange Online',
  'Microsoft SharePoint Online',
  'OfficeHome',
];
const ADMIN_APPS = ['Azure Portal', 'Microsoft Teams', 'Office 365 Exchange Online'];

const seattle = { ipAddress: DEMO_IPS.seattleOffice, city: 'Seattle', countryOrRegion: 'US' };

const HABITS: Record<Exclude<DemoPerson, 'lena'>, Habit> = {
  alex: {
    ...seattle,
    device: 'CONTOSO-LT-0007',
    operatingSystem: 'Windows 11',
    browser: 'Edge 137.0',
    apps: ['Microsoft Defender XDR', ...OFFICE_APPS],
  },
  bob: {
    ...seattle,
    device: 'CONTOSO-LT-0142',
    operatingSystem: 'Windows 11',
    browser: 'Edge 137.0',
    apps: OFFICE_APPS,
  },
  priya: {
    ipAddress: DEMO_IPS.londonHome,
    city: 'London',
    countryOrRegion: 'GB',
    device: 'CONTOSO-MB-0088',
    operatingSystem: 'MacOs',
    browser: 'Safari 18.5',
    apps: ADMIN_APPS,
  },
  maria: {
    ...seattle,
    device: 'CONTOSO-LT-0115',
    operatingSystem: 'Windows 10',
    browser: 'Edge 137.0',
    apps: OFFICE_APPS,
  },
  dan: {
    ipAddress: DEMO_IPS.vancouverHome,
    city: 'Vancouver',
    countryOrRegion: 'CA',
    device: 'CONTOSO-MB-0131',
    operatingSystem: 'MacOs',
    browser: 'Chrome 137.0',
    apps: ADMIN_APPS,
  },
  sofia: {
    ...seattle,
    device: 'CONTOSO-WS-FIN01',
    operatingSystem: 'Windows 11',
    browser: 'Edge 137.0',
    apps: OFFICE_APPS,
  },
  tom: {
    ...seattle,
    device: 'CONTOSO-LT-0099',
    operatingSystem: 'Windows 11',
    browser: 'Edge 137.0',
    apps: ADMIN_APPS,
  },
};

const ROUTINE_ROTATION: Exclude<DemoPerson, 'lena'>[] = [
  'alex',
  'bob',
  'priya',
  'maria',
  'dan',
  'sofia',
  'tom',
];

/** Entra ID error codes the story uses (0 is success). */
const FAILURES = {
  wrongPassword: {
    errorCode: 50126,
    failureReason: 'Invalid username or password or Invalid on-premise username or password.',
  },
  mfaFailed: {
    errorCode: 500121,
    failureReason: 'Authentication failed during strong authentication request.',
  },
  locked: {
    errorCode: 50053,
    failureReason: 'Account is locked because the user tried to sign in too many times.',
  },
};

interface SignInSeed {
  who: Exclude<DemoPerson, 'lena'>;
  /** Minutes ago today, or an offset for earlier days. */
  at: number | Offset;
  app: string;
  risk?: { level: 'low' | 'medium' | 'high'; events: string[] };
  failure?: keyof typeof FAILURES;
  /** Where it came from when not the person's usual place. */
  place?: Partial<Habit>;
}

/** Where the attacker signs in from: Amsterdam, on an unmanaged Linux box. */
const TOR_PLACE: Partial<Habit> = {
  ipAddress: DEMO_IPS.torExit,
  city: 'Amsterdam',
  countryOrRegion: 'NL',
  device: undefined,
  operatingSystem: 'Linux',
  browser: 'Firefox 128.0',
};

const anonymous = (): SignInSeed['risk'] => ({ level: 'high', events: ['anonymizedIPAddress'] });

/** The sign-ins the demo story is about, on top of the routine ones. */
const STORY: SignInSeed[] = [
  {
    who: 'bob',
    at: 47,
    app: 'Office 365 Exchange Online',
    risk: { level: 'high', events: ['anonymizedIPAddress', 'unfamiliarFeatures'] },
    place: TOR_PLACE,
  },
  {
    who: 'bob',
    at: 53,
    app: 'Office 365 Exchange Online',
    risk: anonymous(),
    failure: 'mfaFailed',
    place: TOR_PLACE,
  },
  {
    who: 'bob',
    at: 58,
    app: 'OfficeHome',
    risk: anonymous(),
    failure: 'wrongPassword',
    place: TOR_PLACE,
  },
  {
    who: 'bob',
    at: { days: 1, hours: 2 },
    app: 'OfficeHome',
    risk: { level: 'medium', events: ['anonymizedIPAddress'] },
    failure: 'wrongPassword',
    place: TOR_PLACE,
  },
  {
    who: 'bob',
    at: { days: 2, hours: 1 },
    app: 'Office 365 Exchange Online',
    risk: { level: 'medium', events: ['anonymizedIPAddress'] },
    failure: 'locked',
    place: TOR_PLACE,
  },
  {
    who: 'priya',
    at: { days: 3, hours: 2 },
    app: 'Azure Portal',
    risk: { level: 'medium', events: ['impossibleTravel'] },
    place: {
      ipAddress: DEMO_IPS.lagos,
      city: 'Lagos',
      countryOrRegion: 'NG',
      device: undefined,
      browser: 'Chrome 137.0',
    },
  },
  { who: 'maria', at: { days: 4, hours: 6 }, app: 'OfficeHome', failure: 'wrongPassword' },
  { who: 'alex', at: 10, app: 'Microsoft Defender XDR' },
  { who: 'tom', at: 35, app: 'Azure Portal' },
  { who: 'bob', at: 360, app: 'Microsoft Teams' },
];

function signIn(index: number, seed: SignInSeed, now: Date): SignIn {
  const habit = { ...HABITS[seed.who], ...seed.place };
  const riskLevel = seed.risk?.level ?? 'none';
  return {
    id: `b1d7e0c4-5a8e-4c3b-9f21-${String(index).padStart(12, '0')}`,
    createdDateTime: typeof seed.at === 'number' ? todayAgo(now, seed.at) : ago(now, seed.at),
    userDisplayName: displayNameOf(seed.who),
    userPrincipalName: upnOf(seed.who),
    userId: userIdOf(seed.who),
    appDisplayName: seed.app,
    ipAddress: habit.ipAddress,
    clientAppUsed: 'Browser',
    conditionalAccessStatus: 'success',
    isInteractive: true,
    riskLevelAggregated: riskLevel,
    riskLevelDuringSignIn: riskLevel,
    riskState: riskLevel === 'none' ? 'none' : 'atRisk',
    riskEventTypes: seed.risk?.events ?? [],
    status: seed.failure ? { ...FAILURES[seed.failure] } : { errorCode: 0 },
    deviceDetail: {
      displayName: habit.device,
      operatingSystem: habit.operatingSystem,
      browser: habit.browser,
      // Only Contoso's own, Intune-managed devices report compliance.
      isCompliant: habit.device ? isCompliantDevice(habit.device) : undefined,
    },
    location: { city: habit.city, countryOrRegion: habit.countryOrRegion },
  };
}

/** Three sign-ins a day for ten days, taking turns through the staff and their usual apps. */
function routineSeeds(): SignInSeed[] {
  const seeds: SignInSeed[] = [];
  for (let day = 0; day < 10; day++) {
    for (let slot = 0; slot < 3; slot++) {
      const who = ROUTINE_ROTATION[(day * 3 + slot) % ROUTINE_ROTATION.length];
      const apps = HABITS[who].apps;
      const at: number | Offset =
        day === 0 ? 120 + slot * 180 : { days: day, hours: 2 + slot * 3, minutes: day * 7 };
      seeds.push({ who, at, app: apps[(day + slot) % apps.length] });
    }
  }
  return seeds;
}

/**
 * Forty sign-ins over ten days: thirty routine ones plus the story's: five risky ones for Bob
 * Lee from the Tor exit (the latest succeeded, today), one impossible-travel sign-in for Priya
 * Nair from Lagos, a mistyped password for Maria Garcia and a few ordinary ones today.
 */
export function buildSignIns(now: Date): SignIn[] {
  return [...routineSeeds(), ...STORY].map((seed, index) => signIn(index + 1, seed, now));
}
