import { isPlausibleEmail } from '../../core/accounts/email.js';
import { maskEmail } from '../phone/normalize-phone.js';
import { sentCodeFactor } from '../sent-code/sent-code-factor.js';

/** Codes sent by e-mail to an address the user proved with a first code. */
export const emailFactor = sentCodeFactor({
  type: 'email',
  channel: 'email',
  readDestination({ input }) {
    const address = input.address?.trim() ?? '';
    return isPlausibleEmail(address)
      ? { ok: true, destination: address }
      : { ok: false, reason: 'invalid_input', detail: 'Not an e-mail address' };
  },
  mask: maskEmail,
});
