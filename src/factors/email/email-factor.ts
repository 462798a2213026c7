import { readEmailAddress } from '../../core/accounts/email.js';
import { maskEmail } from '../phone/normalize-phone.js';
import { sentCodeFactor } from '../sent-code/sent-code-factor.js';

/** Codes sent by e-mail to an address the user proved with a first code. */
export const emailFactor = sentCodeFactor({
  type: 'email',
  channel: 'email',
  readDestination({ input }) {
    // The same rules as an account's address: codes go where the address looks like it goes.
    const reading = readEmailAddress(input.address ?? '');
    return reading.ok
      ? { ok: true, destination: reading.address }
      : { ok: false, reason: 'invalid_input', detail: 'Not an e-mail address' };
  },
  mask: maskEmail,
});
