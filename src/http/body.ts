import { WardenError } from '../core/errors';

/** The response was larger than the caller allows; never retried, since it will not shrink. */
export class HttpBodyTooLargeError extends WardenError {
  constructor(target: string, maxBytes: number) {
    super(
      'http_body_too_large',
      `${target} sent more than ${maxBytes} bytes; the body was dropped.`,
      {
        status: 502,
        detail: { url: target, maxBytes },
      },
    );
  }
}

/**
 * Reads a response body as UTF-8 text, stopping as soon as it passes `maxBytes` so a huge or
 * endless body cannot exhaust memory. `Content-Length` is checked first when the server sends it.
 */
export async function readBodyText(
  response: Response,
  maxBytes: number,
  target: string,
): Promise<string> {
  const declaredBytes = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declaredBytes) && declaredBytes > maxBytes) {
    await response.body?.cancel();
    throw new HttpBodyTooLargeError(target, maxBytes);
  }
  if (response.body === null) return '';

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let receivedBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    receivedBytes += value.byteLength;
    if (receivedBytes > maxBytes) {
      await reader.cancel();
      throw new HttpBodyTooLargeError(target, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
