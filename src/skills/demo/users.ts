import type { DirectoryUser, RiskyUser } from '../security/types';
import { ago, todayAgo } from './clock';

/** Keys the demo story uses to refer to people. */
export type DemoPerson = 'alex' | 'bob' | 'priya' | 'maria' | 'dan' | 'sofia' | 'tom' | 'lena';

interface PersonSeed {
  id: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  accountEnabled: boolean;
  isMfaRegistered: boolean;
  /** Days since the last sign-in. */
  lastSignInDaysAgo: number;
}

const PEOPLE: Record<DemoPerson, PersonSeed> = {
  alex: {
    id: '3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a01',
    givenName: 'Alex',
    surname: 'Kim',
    jobTitle: 'SOC Analyst',
    department: 'Security Operations',
    officeLocation: 'Seattle HQ',
    accountEnabled: true,
    isMfaRegistered: true,
    lastSignInDaysAgo: 0,
  },
  bob: {
    id: '3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a02',
    givenName: 'Bob',
    surname: 'Lee',
    jobTitle: 'Accounts Payable Specialist',
    department: 'Finance',
    officeLocation: 'Seattle HQ',
    accountEnabled: true,
    isMfaRegistered: true,
    lastSignInDaysAgo: 0,
  },
  priya: {
    id: '3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a03',
    givenName: 'Priya',
    surname: 'Nair',
    jobTitle: 'Cloud Engineer',
    department: 'IT',
    officeLocation: 'London',
    accountEnabled: true,
    isMfaRegistered: true,
    lastSignInDaysAgo: 0,
  },
  maria: {
    id: '3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a04',
    givenName: 'Maria',
    surname: 'Garcia',
    jobTitle: 'HR Business Partner',
    department: 'Human Resources',
    officeLocation: 'Seattle HQ',
    accountEnabled: true,
    isMfaRegistered: false,
    lastSignInDaysAgo: 1,
  },
  dan: {
    id: '3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a05',
    givenName: 'Dan',
    surname: 'Wu',
    jobTitle: 'Software Engineer',
    department: 'Engineering',
    officeLocation: 'Vancouver',
    accountEnabled: true,
    isMfaRegistered: true,
    lastSignInDaysAgo: 0,
  },
  sofia: {
    id: '3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a06',
    givenName: 'Sofia',
    surname: 'Rossi',
    jobTitle: 'Finance Director',
    department: 'Finance',
    officeLocation: 'Seattle HQ',
    accountEnabled: true,
    isMfaRegistered: true,
    lastSignInDaysAgo: 0,
  },
  tom: {
    id: '3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a07',
    givenName: 'Tom',
    surname: 'Becker',
    jobTitle: 'IT Administrator',
    department: 'IT',
    officeLocation: 'Seattle HQ',
    accountEnabled: true,
    isMfaRegistered: true,
    lastSignInDaysAgo: 0,
  },
  lena: {
    id: '3f9a2c41-0d6b-4e0f-9a51-1c2d3e4f5a08',
    givenName: 'Lena',
    surname: 'Fischer',
    jobTitle: 'Sales Lead',
    department: 'Sales',
    officeLocation: 'Berlin',
    accountEnabled: false,
    isMfaRegistered: true,
    lastSignInDaysAgo: 26,
  },
};

export const DEMO_DOMAIN = 'contoso.com';

export function upnOf(key: DemoPerson): string {
  const { givenName, surname } = PEOPLE[key];
  return `${givenName}.${surname}@${DEMO_DOMAIN}`.toLowerCase();
}

export function displayNameOf(key: DemoPerson): string {
  return `${PEOPLE[key].givenName} ${PEOPLE[key].surname}`;
}

export function userIdOf(key: DemoPerson): string {
  return PEOPLE[key].id;
}

export const DEMO_PEOPLE = Object.keys(PEOPLE) as DemoPerson[];

export function buildUsers(now: Date): DirectoryUser[] {
  return DEMO_PEOPLE.map((key) => {
    const seed = PEOPLE[key];
    return {
      id: seed.id,
      displayName: displayNameOf(key),
      givenName: seed.givenName,
      surname: seed.surname,
      userPrincipalName: upnOf(key),
      mail: upnOf(key),
      jobTitle: seed.jobTitle,
      department: seed.department,
      officeLocation: seed.officeLocation,
      accountEnabled: seed.accountEnabled,
      createdDateTime: ago(now, { days: 400 + DEMO_PEOPLE.indexOf(key) * 37 }),
      lastSignInDateTime:
        seed.lastSignInDaysAgo === 0
          ? todayAgo(now, 30)
          : ago(now, { days: seed.lastSignInDaysAgo, hours: 3 }),
      isMfaRegistered: seed.isMfaRegistered,
    };
  });
}

/**
 * Bob's account is being used from a Tor exit; Priya had impossible travel; Dan's is minor.
 * Each last update is the latest of the user's risk detections (see risk-detections.ts).
 */
export function buildRiskyUsers(now: Date): RiskyUser[] {
  const risky = (
    key: DemoPerson,
    riskLevel: RiskyUser['riskLevel'],
    riskState: RiskyUser['riskState'],
    riskDetail: string,
    updated: string,
  ): RiskyUser => ({
    id: userIdOf(key),
    userDisplayName: displayNameOf(key),
    userPrincipalName: upnOf(key),
    riskLevel,
    riskState,
    riskDetail,
    riskLastUpdatedDateTime: updated,
  });
  return [
    risky('bob', 'high', 'atRisk', 'none', todayAgo(now, 45)),
    risky('priya', 'medium', 'atRisk', 'none', ago(now, { days: 3, hours: 1, minutes: 50 })),
    risky('dan', 'low', 'atRisk', 'none', ago(now, { days: 6 })),
    risky('tom', 'none', 'remediated', 'userPerformedSecuredPasswordReset', ago(now, { days: 8 })),
  ];
}
