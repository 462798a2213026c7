/** A text message to one phone, already in the user's language. */
export interface SmsMessage {
  /** E.164, e.g. `+46701234567`. */
  to: string;
  text: string;
}

/** A call that reads `text` aloud; the adapter says it twice, with a pause between. */
export interface VoiceMessage {
  /** E.164. */
  to: string;
  /** The whole sentence, digits spaced out so the voice reads them one by one. */
  text: string;
  /** BCP 47 tag of the voice: `en-US`, `nl-NL`, `sv-SE`, `pt-BR`. */
  language: string;
}

/** Delivers SMS and voice calls: a provider in production, the development outbox otherwise. */
export interface PhoneSender {
  sendSms(message: SmsMessage): Promise<void>;
  call(message: VoiceMessage): Promise<void>;
}

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
