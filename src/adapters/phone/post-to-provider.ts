import { PhoneDeliveryError, type PhoneDeliveryFailure } from '../../core/phone-delivery-error.js';

export interface ProviderRequest {
  /** Named in error messages, e.g. "Twilio". */
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Reads the provider's own error code from a failed answer, for the audit log. */
  errorCode?: (response: Response) => Promise<number | string | undefined>;
}

/**
 * One POST to an SMS/voice provider. Any 2xx is delivery accepted; everything else becomes a
 * PhoneDeliveryError that names the status and the provider's code, never the message or number.
 */
export async function postToProvider(
  fetch: typeof globalThis.fetch,
  request: ProviderRequest,
): Promise<void> {
  const { provider, url, headers, body, timeoutMs, errorCode } = request;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      // A redirect would resend the code to wherever the provider's answer points: refuse it.
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new PhoneDeliveryError(
      'unavailable',
      `${provider} ${timedOut ? `did not answer within ${timeoutMs} ms` : 'could not be reached'}`,
      { cause: error },
    );
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  let code: number | string | undefined;
  if (errorCode) code = await errorCode(response);
  else await response.body?.cancel();
  const { failure, retryable } = classify(response.status);
  throw new PhoneDeliveryError(
    failure,
    `${provider} answered ${response.status}${code === undefined ? '' : ` (error ${code})`}`,
    { retryable, provider: { status: response.status, ...(code === undefined ? {} : { code }) } },
  );
}

/**
 * 429 and 5xx pass (retry later). 401/403 mean our credentials or account: no user can fix that and
 * no retry will, so the channel is unavailable until the operator acts. Other 4xx: this message or
 * number was refused.
 */
function classify(status: number): { failure: PhoneDeliveryFailure; retryable: boolean } {
  if (status === 408 || status === 429 || status >= 500) return { failure: 'unavailable', retryable: true };
  if (status === 401 || status === 403) return { failure: 'unavailable', retryable: false };
  if (status >= 400) return { failure: 'rejected', retryable: false };
  return { failure: 'unavailable', retryable: false };
}
