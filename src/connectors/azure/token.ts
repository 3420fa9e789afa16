import type { AccessToken, TokenCredential } from '@azure/identity';
import { UnavailableError } from '../../core/errors';

/** A token is renewed this long before it expires, so a slow request never carries a dead one. */
const TOKEN_RENEW_BEFORE_MS = 5 * 60 * 1000;

export interface BearerTokenOptions {
  credential: TokenCredential;
  /** The `<resource>/.default` scope the token is asked for. */
  scope: string;
  /** The service named in errors, e.g. "Log Analytics". */
  serviceName: string;
  /** Clock for token expiry, in epoch ms. Default Date.now. */
  nowMs?: () => number;
}

/** One cached bearer token for one Azure scope, renewed shortly before it expires. */
export class BearerToken {
  private token?: AccessToken;
  private readonly nowMs: () => number;

  constructor(private readonly options: BearerTokenOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  async get(signal: AbortSignal): Promise<string> {
    const cached = this.token;
    if (cached && cached.expiresOnTimestamp - TOKEN_RENEW_BEFORE_MS > this.nowMs()) {
      return cached.token;
    }
    try {
      const fresh = await this.options.credential.getToken(this.options.scope, {
        abortSignal: signal,
      });
      if (!fresh) throw new Error('the credential returned no token');
      this.token = fresh;
      return fresh.token;
    } catch (error) {
      const { serviceName, scope } = this.options;
      throw new UnavailableError('azure_auth_failed', `No ${serviceName} token for ${scope}.`, {
        cause: error,
        detail: { scope },
        userMessage:
          `Warden could not sign in to ${serviceName}. Ask your administrator to check the ` +
          'AZURE_TENANT_ID / AZURE_CLIENT_ID settings and the managed identity or app secret.',
      });
    }
  }
}
