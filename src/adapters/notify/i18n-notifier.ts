import type { Notifier } from '../../ports/notifier.js';
import type { Store } from '../../ports/store.js';
import { verificationMail } from './email-verification.js';
import { invitationMail } from './invitation.js';
import { codeMessage, numberReplacedSms } from './one-time-code.js';
import type { Senders } from './queued-senders.js';
import { reminderMail } from './reminder.js';
import { resetNoticeMessages } from './reset-notice.js';
import { securityNoticeMail } from './security-notice.js';

/**
 * The notifier that writes every message from the i18n catalogue, plain text and escaped HTML, and
 * hands it to the mailer or the phone sender. Every method is async, so that a message that cannot
 * even be written rejects like one that could not be sent; the use case decides whether it matters.
 * In production the senders queue (see queued-senders.ts): `within` gives the senders that queue
 * through a transaction, and `codes` the ones that send a one-time code at once.
 */
export function i18nNotifier(
  senders: Senders & { codes?: Senders; within?: (tx: Store) => Senders },
): Notifier {
  const { mailer, phone } = senders;
  const codes = senders.codes ?? senders;
  return {
    within: (tx) => i18nNotifier({ ...(senders.within?.(tx) ?? senders), codes }),
    async securityNotice(notice) {
      await mailer.send(securityNoticeMail(notice));
    },
    async oneTimeCode(input) {
      const message = codeMessage(input);
      if ('sms' in message) return codes.phone.sendSms(message.sms);
      if ('call' in message) return codes.phone.call(message.call);
      return codes.mailer.send(message.mail);
    },
    async numberReplaced(notice) {
      await phone.sendSms(numberReplacedSms(notice));
    },
    async organizationInvitation(invitation) {
      await mailer.send(invitationMail(invitation));
    },
    async emailVerification(message) {
      await mailer.send(verificationMail(message));
    },
    async twoFactorReminder(reminder) {
      await mailer.send(reminderMail(reminder));
    },
    async twoFactorReset(user, channels, notice) {
      const { mail, sms, call } = resetNoticeMessages(user, notice);
      const deliveries = [
        ...channels.emails.map((to) => () => mailer.send({ to, ...mail })),
        ...(sms === null ? [] : channels.sms.map((to) => () => phone.sendSms({ to, text: sms }))),
        ...(call === null ? [] : channels.voice.map((to) => () => phone.call({ to, ...call }))),
      ];
      const results = await Promise.allSettled(deliveries.map((deliver) => deliver()));
      return results.filter((r) => r.status === 'fulfilled').length;
    },
  };
}
