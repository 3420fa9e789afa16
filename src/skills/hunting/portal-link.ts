import { gzipSync } from 'node:zlib';
import { ValidationError } from '../../core/errors';

const PORTAL_URL = 'https://portal.azure.com';
const WORKSPACE_RESOURCE_ID = new RegExp(
  '^/subscriptions/[^/]+/resourceGroups/[^/]+' +
    '/providers/Microsoft\\.OperationalInsights/workspaces/[^/]+$',
  'i',
);

/**
 * Builds Azure portal links that open a query in the workspace's Logs blade, in the format
 * the portal's own "Share link to query" produces: the query travels gzipped and base64
 * encoded, so no query text needs escaping beyond URL encoding.
 */
export function portalLogsLinks(
  workspaceResourceId: string,
  portalUrl = PORTAL_URL,
): (query: string, timespan?: string) => string {
  const resourceId = workspaceResourceId.trim();
  if (!WORKSPACE_RESOURCE_ID.test(resourceId)) {
    throw new ValidationError(
      'workspace_resource_id_invalid',
      `"${workspaceResourceId}" is not a Log Analytics workspace resource id. Copy it from the ` +
        "workspace's JSON view in the Azure portal: /subscriptions/<id>/resourceGroups/<group>" +
        '/providers/Microsoft.OperationalInsights/workspaces/<name>.',
    );
  }
  const base =
    `${portalUrl.replace(/\/+$/, '')}/#blade/Microsoft_Azure_Monitoring_Logs/LogsBlade` +
    `/resourceId/${encodeURIComponent(resourceId)}/source/LogsBlade.AnalyticsShareLinkToQuery`;
  return (query, timespan) => {
    const packed = encodeURIComponent(gzipSync(Buffer.from(query, 'utf8')).toString('base64'));
    const span = timespan === undefined ? '' : `/timespan/${encodeURIComponent(timespan)}`;
    return `${base}/q/${packed}${span}`;
  };
}
