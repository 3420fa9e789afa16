import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

export type { TokenCredential } from '@azure/identity';

export interface AzureCredentialOptions {
  /** Directory (tenant) id to sign in to (AZURE_TENANT_ID). */
  tenantId?: string;
  /** App registration or user-assigned managed identity client id (AZURE_CLIENT_ID). */
  clientId?: string;
  /**
   * Entra ID authority for sovereign clouds (AZURE_AUTHORITY_HOST), e.g.
   * https://login.microsoftonline.us. Absent means the public cloud.
   */
  authorityHost?: string;
}

/**
 * The one credential every connector shares. `DefaultAzureCredential` tries workload identity,
 * managed identity, then the `AZURE_CLIENT_SECRET` / `AZURE_CLIENT_CERTIFICATE_PATH` variables,
 * which @azure/identity reads from the process environment itself (not from `.env`), so
 * secrets never pass through Warden's configuration.
 */
export function createAzureCredential(options: AzureCredentialOptions): TokenCredential {
  return new DefaultAzureCredential({
    tenantId: options.tenantId,
    managedIdentityClientId: options.clientId,
    workloadIdentityClientId: options.clientId,
    authorityHost: options.authorityHost,
  });
}
