import type { Source } from '../../core/answer';

/**
 * The organisation's own security telemetry, as the security skills read it. The built-in demo
 * tenant implements it today; Microsoft Graph and Log Analytics connectors will implement it
 * next. Field names follow Microsoft Graph (security incidents and alerts_v2, auditLogs
 * signIns, identityProtection riskyUsers, deviceManagement managedDevices, users) so a
 * connector maps little; enum values are normalised to Graph's camelCase spelling
 * (`active`, `inProgress`, `noncompliant`) because Graph's own samples mix casing.
 *
 * Every list comes back newest first. Filters are applied by the source, so a live connector
 * can push them into `$filter` or KQL instead of downloading everything.
 */
export interface SecurityDataSource {
  /** Short name for summaries: "Contoso demo tenant", "Microsoft Graph (contoso.com)". */
  readonly name: string;
  /** True for the built-in demo tenant; every answer from it is labelled demo data. */
  readonly demo: boolean;
  /** How to cite a dataset: title, link and kind (`demo` or `telemetry`). */
  describe(dataset: SecurityDataset): Omit<Source, 'retrievedAt'>;

  listIncidents(query: IncidentQuery, read: ReadContext): Promise<SecurityIncident[]>;
  /** One incident with its alerts and their evidence; undefined when there is none by that id. */
  getIncident(incidentId: string, read: ReadContext): Promise<SecurityIncident | undefined>;
  listSignIns(query: SignInQuery, read: ReadContext): Promise<SignIn[]>;
  listRiskyUsers(query: RiskyUserQuery, read: ReadContext): Promise<RiskyUser[]>;
  listDevices(query: DeviceQuery, read: ReadContext): Promise<ManagedDevice[]>;
  /** Users matching a UPN, display name, first or last name (case-insensitive). */
  findUsers(query: string, read: ReadContext): Promise<DirectoryUser[]>;
  listNetworkConnections(
    query: NetworkConnectionQuery,
    read: ReadContext,
  ): Promise<NetworkConnection[]>;
  /** Entra ID Protection risk detections: why a user or a sign-in was rated risky. */
  listRiskDetections(query: RiskDetectionQuery, read: ReadContext): Promise<RiskDetection[]>;
}

export type SecurityDataset =
  | 'incidents'
  | 'signIns'
  | 'riskyUsers'
  | 'riskDetections'
  | 'devices'
  | 'users'
  | 'networkConnections';

/** Who is asking and when to stop. Live connectors map `tenantId` to the customer's tenant. */
export interface ReadContext {
  tenantId: string;
  signal: AbortSignal;
  /** Filled by a source that reads several products at once, so answers can say which failed. */
  report?: SourceReport;
  /** Told by a live source which exact request answered a dataset, so the card can link it. */
  cite?: (dataset: SecurityDataset, requestUrl: string) => void;
}

/** Which products answered one read and which failed, when a source merges several. */
export interface SourceReport {
  /** Products that answered, by name, with how to cite them. */
  answered: { name: string; source: Omit<Source, 'retrievedAt'> }[];
  /** Products that failed: the product's name and the error's text for users. */
  failed: { name: string; reason: string }[];
}

export type IncidentSeverity = 'informational' | 'low' | 'medium' | 'high';
export type IncidentStatus = 'active' | 'inProgress' | 'resolved' | 'redirected';
export type RiskLevel = 'none' | 'low' | 'medium' | 'high' | 'hidden';
export type ComplianceState =
  'compliant' | 'noncompliant' | 'inGracePeriod' | 'conflict' | 'error' | 'unknown';

export interface IncidentQuery {
  severity?: IncidentSeverity;
  status?: IncidentStatus;
  /** Only incidents created at or after this time. */
  since?: Date;
}

/** A Defender XDR / Sentinel incident (Graph `security/incidents`, alerts expanded). */
export interface SecurityIncident {
  id: string;
  displayName: string;
  description?: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  classification?: string;
  determination?: string;
  assignedTo?: string;
  /** ISO timestamps. */
  createdDateTime: string;
  lastUpdateDateTime: string;
  incidentWebUrl?: string;
  customTags: string[];
  alerts: SecurityAlert[];
  /**
   * Entities the incident names beside its alerts' evidence. Microsoft Sentinel lists entities
   * per incident rather than per alert, so its incidents carry them here.
   */
  entities?: AlertEvidence[];
  /** The product the incident came from, when a source merges several: "Microsoft Sentinel". */
  provider?: string;
}

/** A Graph `alerts_v2` alert with its evidence. */
export interface SecurityAlert {
  id: string;
  title: string;
  severity: IncidentSeverity;
  status: 'new' | 'inProgress' | 'resolved';
  category?: string;
  /** The product that raised it, e.g. `microsoftDefenderForOffice365`. */
  serviceSource?: string;
  createdDateTime: string;
  mitreTechniques: string[];
  evidence: AlertEvidence[];
}

/**
 * One piece of alert evidence, flattened from Graph's typed evidence (`userEvidence`,
 * `deviceEvidence`, `ipEvidence`, `urlEvidence`, `fileEvidence`, `mailboxEvidence`, ...).
 */
export interface AlertEvidence {
  type: 'user' | 'mailbox' | 'device' | 'ip' | 'url' | 'file' | 'process' | 'mailMessage';
  /** The entity itself: a UPN, device name, address, URL, file name or message subject. */
  value: string;
  /** A short extra detail: a file's SHA-256, a process command line, a sender address. */
  detail?: string;
  /** Graph evidence roles, e.g. `compromised`, `attacker`, `contextual`. */
  roles: string[];
  verdict?: 'unknown' | 'suspicious' | 'malicious' | 'noThreatsFound';
}

export interface SignInQuery {
  /** UPN, display name or first name, case-insensitive. */
  user?: string;
  ipAddress?: string;
  /** Application display name, case-insensitive substring. */
  app?: string;
  /** Only sign-ins whose aggregated risk is exactly this level. */
  riskLevel?: 'low' | 'medium' | 'high';
  /** Only sign-ins with aggregated risk low or above. */
  riskyOnly?: boolean;
  since?: Date;
}

/** An Entra ID sign-in (Graph `auditLogs/signIns`). */
export interface SignIn {
  id: string;
  createdDateTime: string;
  userDisplayName: string;
  userPrincipalName: string;
  userId: string;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed?: string;
  conditionalAccessStatus?: 'success' | 'failure' | 'notApplied';
  isInteractive: boolean;
  riskLevelAggregated: RiskLevel;
  riskLevelDuringSignIn: RiskLevel;
  riskState:
    'none' | 'atRisk' | 'confirmedSafe' | 'remediated' | 'dismissed' | 'confirmedCompromised';
  riskEventTypes: string[];
  /** `errorCode` 0 means the sign-in succeeded. */
  status: { errorCode: number; failureReason?: string };
  deviceDetail: {
    displayName?: string;
    operatingSystem?: string;
    browser?: string;
    isCompliant?: boolean;
  };
  location: { city?: string; state?: string; countryOrRegion?: string };
}

export interface RiskyUserQuery {
  riskLevel?: 'low' | 'medium' | 'high';
}

/** An Entra ID Protection risky user (Graph `identityProtection/riskyUsers`). */
export interface RiskyUser {
  id: string;
  userDisplayName: string;
  userPrincipalName: string;
  riskLevel: RiskLevel;
  riskState:
    'none' | 'atRisk' | 'confirmedSafe' | 'remediated' | 'dismissed' | 'confirmedCompromised';
  riskDetail: string;
  riskLastUpdatedDateTime: string;
}

export interface RiskDetectionQuery {
  /** UPN, display name or first name, case-insensitive. */
  user?: string;
  /** Only detections of exactly this level. */
  riskLevel?: 'low' | 'medium' | 'high';
  /** A Graph `riskEventType` such as `leakedCredentials`, case-insensitive. */
  riskEventType?: string;
  /** Only detections whose risky activity happened at or after this time. */
  since?: Date;
}

/**
 * An Entra ID Protection risk detection (Graph `identityProtection/riskDetections`). Sign-in
 * detections carry the sign-in's `requestId`, IP and location; user detections such as
 * `leakedCredentials` carry neither.
 */
export interface RiskDetection {
  id: string;
  /** The sign-in's id when the detection is about a sign-in. */
  requestId?: string;
  correlationId?: string;
  /** Graph's camelCase type, e.g. `unfamiliarFeatures`, `anonymizedIPAddress`. */
  riskEventType: string;
  riskState: RiskyUser['riskState'];
  riskLevel: RiskLevel;
  /** Why the state last changed, e.g. `userPerformedSecuredPasswordReset`; `none` if it has not. */
  riskDetail: string;
  /** The product that raised it, e.g. `IdentityProtection`, `MicrosoftCloudAppSecurity`. */
  source: string;
  detectionTimingType: 'notDefined' | 'realtime' | 'nearRealtime' | 'offline';
  activity: 'signin' | 'user' | 'unknownFutureValue';
  /** Graph's own PascalCase spelling, e.g. `AzureAD`, `ADFederationServices`. */
  tokenIssuerType?: string;
  ipAddress?: string;
  location: { city?: string; state?: string; countryOrRegion?: string };
  /** ISO timestamps: when the risky activity happened, was detected, and last changed. */
  activityDateTime: string;
  detectedDateTime: string;
  lastUpdatedDateTime: string;
  userId: string;
  userDisplayName: string;
  userPrincipalName: string;
  /** Graph's JSON string of key/value pairs (user agent, alert URL, ...), passed on as is. */
  additionalInfo?: string;
}

export interface DeviceQuery {
  /** Device name, case-insensitive substring. */
  device?: string;
  /** Primary user: UPN, display name or first name. */
  user?: string;
  complianceState?: ComplianceState;
}

/** An Intune managed device (Graph `deviceManagement/managedDevices`). */
export interface ManagedDevice {
  id: string;
  deviceName: string;
  userPrincipalName: string;
  userDisplayName: string;
  operatingSystem: string;
  osVersion: string;
  complianceState: ComplianceState;
  /** Last check-in with Intune. */
  lastSyncDateTime: string;
  enrolledDateTime: string;
  manufacturer?: string;
  model?: string;
  isEncrypted: boolean;
  managedDeviceOwnerType: 'company' | 'personal' | 'unknown';
}

/** A directory user (Graph `users`, with `signInActivity` and MFA registration). */
export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName?: string;
  surname?: string;
  userPrincipalName: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  officeLocation?: string;
  accountEnabled: boolean;
  createdDateTime?: string;
  /** From `signInActivity.lastSignInDateTime`. */
  lastSignInDateTime?: string;
  /** From the authentication methods registration report (`isMfaRegistered`). */
  isMfaRegistered?: boolean;
}

export interface NetworkConnectionQuery {
  remoteIp: string;
  since?: Date;
}

/**
 * One network connection seen on a device, shaped after Defender advanced hunting's
 * `DeviceNetworkEvents` table with camelCase columns.
 */
export interface NetworkConnection {
  timestamp: string;
  deviceId: string;
  deviceName: string;
  /** `ConnectionSuccess`, `ConnectionFailed`, `InboundConnectionAccepted`, ... */
  actionType: string;
  localIp: string;
  remoteIp: string;
  remotePort: number;
  remoteUrl?: string;
  protocol: 'Tcp' | 'Udp';
  initiatingProcessFileName?: string;
  initiatingProcessAccountUpn?: string;
}
