/**
 * `rejected`: the provider refused this message (bad number, region not enabled, unsubscribed).
 * `unavailable`: the provider could not be used (down, throttling, unreachable, misconfigured).
 */
export type PhoneDeliveryFailure = 'rejected' | 'unavailable';

/**
 * A message did not go out. The use case turns it into "we could not send the code — try another
 * method" and an audit event. Its text names the provider's status and error code only: never the
 * message text (it holds the code) nor the phone number.
 */
export class PhoneDeliveryError extends Error {
  override name = 'PhoneDeliveryError';
  readonly code: PhoneDeliveryFailure;
  /** Whether sending the same message again later may succeed. */
  readonly retryable: boolean;
  /** The provider's HTTP status and error code, when it answered: for the audit log. */
  readonly provider: { status?: number; code?: number | string };

  constructor(
    code: PhoneDeliveryFailure,
    message: string,
    options: {
      retryable?: boolean;
      provider?: { status?: number; code?: number | string };
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? code === 'unavailable';
    this.provider = options.provider ?? {};
  }
}
