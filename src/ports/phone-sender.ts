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
