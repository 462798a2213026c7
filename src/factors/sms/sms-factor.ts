import { maskPhone } from '../phone/normalize-phone.js';
import { readPhoneDestination } from '../phone/phone-destination.js';
import { sentCodeFactor } from '../sent-code/sent-code-factor.js';

/** Codes sent by text message to a mobile number the user proved with a first code. */
export const smsFactor = sentCodeFactor({
  type: 'sms',
  channel: 'sms',
  readDestination: (request) => readPhoneDestination('sms', request),
  mask: maskPhone,
});
