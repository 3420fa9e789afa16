import {
  SIGNATURE_WINDOW_SECONDS,
  verifySlackSignature,
} from '../../../src/channels/slack/signature';
import { sign } from './requests';

const secret = 'test-signing-secret';
const body = 'token=x&team_id=T111&text=help';
const nowSeconds = 1_736_500_000;

function request(overrides: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) {
  return {
    signingSecret: secret,
    rawBody: Buffer.from(body),
    timestamp: String(nowSeconds),
    signature: sign(secret, nowSeconds, body),
    nowMs: nowSeconds * 1000,
    ...overrides,
  };
}

describe('verifySlackSignature', () => {
  it('accepts a body signed with the secret within the window', () => {
    expect(() => verifySlackSignature(request())).not.toThrow();
    expect(() =>
      verifySlackSignature(request({ nowMs: (nowSeconds + SIGNATURE_WINDOW_SECONDS) * 1000 })),
    ).not.toThrow();
  });

  it('refuses a body changed after signing', () => {
    expect(() => verifySlackSignature(request({ rawBody: Buffer.from(`${body}&x=1`) }))).toThrow(
      expect.objectContaining({ code: 'slack_signature_invalid', status: 401 }),
    );
  });

  it('refuses a signature made with another secret, or of another length', () => {
    const other = sign('another-secret', nowSeconds, body);
    expect(() => verifySlackSignature(request({ signature: other }))).toThrow(
      expect.objectContaining({ code: 'slack_signature_invalid' }),
    );
    expect(() => verifySlackSignature(request({ signature: 'v0=abc' }))).toThrow(
      expect.objectContaining({ code: 'slack_signature_invalid' }),
    );
  });

  it('refuses timestamps more than five minutes away, in the past or the future', () => {
    const late = (nowSeconds + SIGNATURE_WINDOW_SECONDS + 1) * 1000;
    const early = (nowSeconds - SIGNATURE_WINDOW_SECONDS - 1) * 1000;
    for (const nowMs of [late, early]) {
      expect(() => verifySlackSignature(request({ nowMs }))).toThrow(
        expect.objectContaining({ code: 'slack_request_stale', status: 401 }),
      );
    }
  });

  it('refuses a request without headers, or with a timestamp that is not a number', () => {
    expect(() => verifySlackSignature(request({ signature: undefined }))).toThrow(
      expect.objectContaining({ code: 'slack_signature_missing' }),
    );
    expect(() => verifySlackSignature(request({ timestamp: '1e9' }))).toThrow(
      expect.objectContaining({ code: 'slack_signature_invalid' }),
    );
  });
});
