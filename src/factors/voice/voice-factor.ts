import { maskPhone } from '../phone/normalize-phone.js';
import { readPhoneDestination } from '../phone/phone-destination.js';
import { sentCodeFactor } from '../sent-code/sent-code-factor.js';

/** Codes read aloud by a phone call, for numbers that cannot take a text (a landline, say). */
export const voiceFactor = sentCodeFactor({
  type: 'voice',
  channel: 'voice',
  readDestination: (request) => readPhoneDestination('voice', request),
  mask: maskPhone,
});
