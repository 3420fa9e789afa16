import type { AnySkill } from '../types';
import { createListDevicesSkill } from './devices';
import { createListRiskyUsersSkill, createLookupUserSkill } from './identity';
import { createGetIncidentSkill, createListIncidentsSkill } from './incidents';
import { createIpActivitySkill } from './ip-activity';
import { createListRiskDetectionsSkill } from './risk-detections';
import { createListSignInsSkill } from './signins';
import type { SecurityDataSource } from './types';

export * from './types';
export { containsText, isSince, matchesUser, newestFirst } from './match';
export { KNOWN_RISK_EVENT_TYPES, riskEventLabel } from './risk-detections';
export {
  createGetIncidentSkill,
  createIpActivitySkill,
  createListDevicesSkill,
  createListIncidentsSkill,
  createListRiskDetectionsSkill,
  createListRiskyUsersSkill,
  createListSignInsSkill,
  createLookupUserSkill,
};

/** The skills that read the organisation's own telemetry through one `SecurityDataSource`. */
export function createSecuritySkills(source: SecurityDataSource): AnySkill[] {
  return [
    createListIncidentsSkill(source),
    createGetIncidentSkill(source),
    createListSignInsSkill(source),
    createListRiskyUsersSkill(source),
    createListRiskDetectionsSkill(source),
    createListDevicesSkill(source),
    createLookupUserSkill(source),
    createIpActivitySkill(source),
  ];
}
