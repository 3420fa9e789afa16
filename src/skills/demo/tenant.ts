import type { Source } from '../../core/answer';
import {
  containsText,
  incidentsMatching,
  isSince,
  matchesUser,
  newestFirst,
} from '../security/match';
import type { SecurityDataSource, SecurityDataset } from '../security/types';
import { buildDevices } from './devices';
import { buildIncidents } from './incidents';
import { buildNetworkConnections } from './network';
import { buildRiskDetections } from './risk-detections';
import { buildSignIns } from './signins';
import { buildRiskyUsers, buildUsers } from './users';

export const DEMO_TENANT_ID = 'demo-tenant';
export const DEMO_TENANT_NAME = 'Contoso demo tenant';

/**
 * What each demo dataset stands in for, with the Microsoft documentation of the real API so a
 * reader can see what a live connector will return.
 */
const DATASETS: Record<SecurityDataset, { title: string; url: string }> = {
  incidents: {
    title: 'Defender XDR incidents',
    url: 'https://learn.microsoft.com/en-us/graph/api/security-list-incidents',
  },
  signIns: {
    title: 'Entra ID sign-ins',
    url: 'https://learn.microsoft.com/en-us/graph/api/signin-list',
  },
  riskyUsers: {
    title: 'Entra ID Protection risky users',
    url: 'https://learn.microsoft.com/en-us/graph/api/riskyuser-list',
  },
  riskDetections: {
    title: 'Entra ID Protection risk detections',
    url: 'https://learn.microsoft.com/en-us/graph/api/riskdetection-list',
  },
  devices: {
    title: 'Intune managed devices',
    url: 'https://learn.microsoft.com/en-us/graph/api/intune-devices-manageddevice-list',
  },
  users: {
    title: 'Entra ID users',
    url: 'https://learn.microsoft.com/en-us/graph/api/user-list',
  },
  networkConnections: {
    title: 'Defender for Endpoint network events',
    url:
      'https://learn.microsoft.com/en-us/defender-xdr/' +
      'advanced-hunting-devicenetworkevents-table',
  },
};

/**
 * The built-in Contoso tenant: eight users, about forty sign-ins over ten days, the risk
 * detections behind its risky users, five incidents, ten devices and their network
 * connections, all dated relative to `now()` so "this week" always has data. Used when no live
 * connector is configured; every answer is labelled demo.
 */
export function createDemoTenant(now: () => Date): SecurityDataSource {
  return {
    name: DEMO_TENANT_NAME,
    demo: true,

    describe(dataset): Omit<Source, 'retrievedAt'> {
      const { title, url } = DATASETS[dataset];
      return { title: `${DEMO_TENANT_NAME} — ${title}`, url, kind: 'demo' };
    },

    async listIncidents(query) {
      return incidentsMatching(buildIncidents(now()), query);
    },

    async getIncident(incidentId) {
      return buildIncidents(now()).find((i) => i.id === incidentId.trim());
    },

    async listSignIns(query) {
      const ip = query.ipAddress?.toLowerCase();
      return newestFirst(
        buildSignIns(now()).filter(
          (s) =>
            (!query.user || matchesUser(query.user, s)) &&
            (!ip || s.ipAddress.toLowerCase() === ip) &&
            (!query.app || containsText(s.appDisplayName, query.app)) &&
            (!query.riskLevel || s.riskLevelAggregated === query.riskLevel) &&
            (!query.riskyOnly || ['low', 'medium', 'high'].includes(s.riskLevelAggregated)) &&
            isSince(s.createdDateTime, query.since),
        ),
        (s) => s.createdDateTime,
      );
    },

    async listRiskyUsers(query) {
      return newestFirst(
        buildRiskyUsers(now()).filter((u) => !query.riskLevel || u.riskLevel === query.riskLevel),
        (u) => u.riskLastUpdatedDateTime,
      );
    },

    async listRiskDetections(query) {
      const type = query.riskEventType?.trim().toLowerCase();
      return newestFirst(
        buildRiskDetections(now()).filter(
          (d) =>
            (!query.user || matchesUser(query.user, d)) &&
            (!query.riskLevel || d.riskLevel === query.riskLevel) &&
            (!type || d.riskEventType.toLowerCase() === type) &&
            isSince(d.activityDateTime, query.since),
        ),
        (d) => d.activityDateTime,
      );
    },

    async listDevices(query) {
      return newestFirst(
        buildDevices(now()).filter(
          (d) =>
            (!query.device || containsText(d.deviceName, query.device)) &&
            (!query.user || matchesUser(query.user, d)) &&
            (!query.complianceState || d.complianceState === query.complianceState),
        ),
        (d) => d.lastSyncDateTime,
      );
    },

    async findUsers(query) {
      return buildUsers(now()).filter((u) => matchesUser(query, u));
    },

    async listNetworkConnections(query) {
      const remoteIp = query.remoteIp.toLowerCase();
      return newestFirst(
        buildNetworkConnections(now()).filter(
          (c) => c.remoteIp.toLowerCase() === remoteIp && isSince(c.timestamp, query.since),
        ),
        (c) => c.timestamp,
      );
    },
  };
}
