import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Installation } from '@slack/bolt';
import { DocumentInstallationStore } from '../../../src/channels/slack';
import { SqliteStore } from '../../../src/store/sqlite';

function anInstallation(overrides: Partial<Installation> = {}): Installation {
  return {
    team: { id: 'T111', name: 'Contoso SOC' },
    enterprise: undefined,
    user: { id: 'W222', token: undefined, scopes: undefined },
    bot: { token: 'xoxb-contoso', scopes: ['chat:write'], id: 'BWARDEN', userId: 'UWARDEN' },
    isEnterpriseInstall: false,
    tokenType: 'bot',
    authVersion: 'v2',
    ...overrides,
  } as Installation;
}

describe('DocumentInstallationStore', () => {
  let folder: string;
  let store: SqliteStore;
  let installations: DocumentInstallationStore;

  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'warden-slack-'));
    store = new SqliteStore({ path: path.join(folder, 'warden.db') });
    await store.init();
    installations = new DocumentInstallationStore(store);
  });

  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps a workspace install under the workspace and finds it again', async () => {
    await installations.storeInstallation(anInstallation());

    const found = await installations.fetchInstallation({
      teamId: 'T111',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });

    expect(found.bot?.token).toBe('xoxb-contoso');
    expect(await store.get('installations', 'T111', 'slack-installation')).toBeDefined();
  });

  it('keeps an org-wide install under the Enterprise Grid org', async () => {
    const org = anInstallation({
      team: undefined,
      enterprise: { id: 'E111', name: 'Contoso' },
      isEnterpriseInstall: true,
    });
    await installations.storeInstallation(org);

    const found = await installations.fetchInstallation({
      teamId: 'T555',
      enterpriseId: 'E111',
      isEnterpriseInstall: true,
    } as never);

    expect(found.enterprise?.id).toBe('E111');
  });

  it('never returns one workspace’s install for another', async () => {
    await installations.storeInstallation(anInstallation());

    await expect(
      installations.fetchInstallation({
        teamId: 'T222',
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      }),
    ).rejects.toMatchObject({ code: 'slack_installation_not_found' });
  });

  it('forgets an install when it is deleted', async () => {
    await installations.storeInstallation(anInstallation());
    const query = { teamId: 'T111', enterpriseId: undefined, isEnterpriseInstall: false as const };

    await installations.deleteInstallation(query);

    await expect(installations.fetchInstallation(query)).rejects.toMatchObject({
      code: 'slack_installation_not_found',
    });
  });
});
