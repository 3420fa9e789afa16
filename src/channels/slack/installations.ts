import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { DocumentStore } from '../../store/types';

const CONTAINER = 'installations';
const INSTALLATION_TYPE = 'slack-installation';
/** One install per workspace (or per Enterprise Grid org), so the id is fixed per tenant. */
const INSTALLATION_ID = 'slack-installation';

interface InstallationDocument {
  id: string;
  tenantId: string;
  type: typeof INSTALLATION_TYPE;
  installation: Installation;
}

/**
 * The tenant a Slack install belongs to: the Enterprise Grid org for an org-wide install,
 * otherwise the workspace. Every document Warden keeps for that install lives under it.
 */
export function installationTenant(query: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string;
  teamId?: string;
}): string {
  const tenant = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!tenant) {
    throw new ValidationError(
      'slack_tenant_missing',
      'The Slack request names no workspace (team id) or, for an org-wide install, no org id.',
    );
  }
  return tenant;
}

/**
 * Bolt's InstallationStore on Warden's DocumentStore: OAuth installs in the `installations`
 * container, one per tenant. The bot token is stored as the store keeps any document; see the
 * README's Limitations about encrypting it at rest.
 */
export class DocumentInstallationStore implements InstallationStore {
  constructor(private readonly store: DocumentStore) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const tenantId = installationTenant({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    await this.store.upsert<InstallationDocument>(CONTAINER, {
      id: INSTALLATION_ID,
      tenantId,
      type: INSTALLATION_TYPE,
      installation,
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const tenantId = installationTenant(query);
    const doc = await this.store.get<InstallationDocument>(CONTAINER, tenantId, INSTALLATION_ID);
    if (doc?.type !== INSTALLATION_TYPE) {
      throw new NotFoundError(
        'slack_installation_not_found',
        `Warden is not installed in Slack workspace ${tenantId}: install it from ` +
          '/api/slack/install.',
      );
    }
    return doc.installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.delete(CONTAINER, installationTenant(query), INSTALLATION_ID);
  }
}
