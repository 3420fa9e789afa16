import type {
  ComplianceState,
  DirectoryUser,
  ManagedDevice,
  RiskLevel,
  RiskyUser,
  SignIn,
} from '../../skills/security/types';
import {
  type GraphObject,
  bool,
  child,
  field,
  numberOr,
  oneOf,
  text,
  textOr,
  texts,
} from './tolerant';

const RISK_LEVELS: readonly RiskLevel[] = ['none', 'low', 'medium', 'high', 'hidden'];
const RISK_STATES: readonly SignIn['riskState'][] = [
  'none',
  'atRisk',
  'confirmedSafe',
  'remediated',
  'dismissed',
  'confirmedCompromised',
];
const CA_STATUSES: readonly NonNullable<SignIn['conditionalAccessStatus']>[] = [
  'success',
  'failure',
  'notApplied',
];
const COMPLIANCE_STATES: readonly ComplianceState[] = [
  'compliant',
  'noncompliant',
  'inGracePeriod',
  'conflict',
  'error',
  'unknown',
];
const OWNER_TYPES: readonly ManagedDevice['managedDeviceOwnerType'][] = [
  'company',
  'personal',
  'unknown',
];

/** A Graph `auditLogs/signIns` item. */
export function toSignIn(raw: GraphObject): SignIn {
  const status = child(raw, 'status');
  const device = child(raw, 'deviceDetail');
  const location = child(raw, 'location');
  const caStatus = field(raw, 'conditionalAccessStatus');
  return {
    id: textOr(raw, 'id', ''),
    createdDateTime: textOr(raw, 'createdDateTime', ''),
    userDisplayName: textOr(raw, 'userDisplayName', textOr(raw, 'userPrincipalName', '')),
    userPrincipalName: textOr(raw, 'userPrincipalName', ''),
    userId: textOr(raw, 'userId', ''),
    appDisplayName: textOr(raw, 'appDisplayName', ''),
    ipAddress: textOr(raw, 'ipAddress', ''),
    clientAppUsed: text(raw, 'clientAppUsed'),
    conditionalAccessStatus:
      caStatus === undefined || caStatus === null
        ? undefined
        : oneOf(caStatus, CA_STATUSES, 'notApplied'),
    isInteractive: bool(raw, 'isInteractive') ?? false,
    riskLevelAggregated: oneOf(field(raw, 'riskLevelAggregated'), RISK_LEVELS, 'none'),
    riskLevelDuringSignIn: oneOf(field(raw, 'riskLevelDuringSignIn'), RISK_LEVELS, 'none'),
    riskState: oneOf(field(raw, 'riskState'), RISK_STATES, 'none'),
    riskEventTypes: riskEventsOf(raw),
    status: {
      errorCode: numberOr(status, 'errorCode', 0),
      failureReason: text(status, 'failureReason'),
    },
    deviceDetail: {
      displayName: text(device, 'displayName'),
      operatingSystem: text(device, 'operatingSystem'),
      browser: text(device, 'browser'),
      isCompliant: bool(device, 'isCompliant'),
    },
    location: {
      city: text(location, 'city'),
      state: text(location, 'state'),
      countryOrRegion: text(location, 'countryOrRegion'),
    },
  };
}

/** v1.0 sends `riskEventTypes_v2`; the older `riskEventTypes` is read when that is empty. */
function riskEventsOf(raw: GraphObject): string[] {
  const v2 = texts(raw, 'riskEventTypes_v2');
  return v2.length > 0 ? v2 : texts(raw, 'riskEventTypes');
}

/** A Graph `identityProtection/riskyUsers` item. */
export function toRiskyUser(raw: GraphObject): RiskyUser {
  return {
    id: textOr(raw, 'id', ''),
    userDisplayName: textOr(raw, 'userDisplayName', textOr(raw, 'userPrincipalName', '')),
    userPrincipalName: textOr(raw, 'userPrincipalName', ''),
    riskLevel: oneOf(field(raw, 'riskLevel'), RISK_LEVELS, 'none'),
    riskState: oneOf(field(raw, 'riskState'), RISK_STATES, 'none'),
    riskDetail: textOr(raw, 'riskDetail', 'none'),
    riskLastUpdatedDateTime: textOr(raw, 'riskLastUpdatedDateTime', ''),
  };
}

/** A Graph `deviceManagement/managedDevices` item. */
export function toManagedDevice(raw: GraphObject): ManagedDevice {
  return {
    id: textOr(raw, 'id', ''),
    deviceName: textOr(raw, 'deviceName', ''),
    userPrincipalName: textOr(raw, 'userPrincipalName', ''),
    userDisplayName: textOr(raw, 'userDisplayName', ''),
    operatingSystem: textOr(raw, 'operatingSystem', 'unknown'),
    osVersion: textOr(raw, 'osVersion', 'unknown'),
    complianceState: oneOf(field(raw, 'complianceState'), COMPLIANCE_STATES, 'unknown'),
    lastSyncDateTime: textOr(raw, 'lastSyncDateTime', ''),
    enrolledDateTime: textOr(raw, 'enrolledDateTime', ''),
    manufacturer: text(raw, 'manufacturer'),
    model: text(raw, 'model'),
    isEncrypted: bool(raw, 'isEncrypted') ?? false,
    managedDeviceOwnerType: oneOf(field(raw, 'managedDeviceOwnerType'), OWNER_TYPES, 'unknown'),
  };
}

/** A Graph `users` item (`signInActivity` is read when the query selected it). */
export function toDirectoryUser(raw: GraphObject): DirectoryUser {
  return {
    id: textOr(raw, 'id', ''),
    displayName: textOr(raw, 'displayName', textOr(raw, 'userPrincipalName', '')),
    givenName: text(raw, 'givenName'),
    surname: text(raw, 'surname'),
    userPrincipalName: textOr(raw, 'userPrincipalName', ''),
    mail: text(raw, 'mail'),
    jobTitle: text(raw, 'jobTitle'),
    department: text(raw, 'department'),
    officeLocation: text(raw, 'officeLocation'),
    accountEnabled: bool(raw, 'accountEnabled') ?? true,
    createdDateTime: text(raw, 'createdDateTime'),
    lastSignInDateTime: text(child(raw, 'signInActivity'), 'lastSignInDateTime'),
  };
}
