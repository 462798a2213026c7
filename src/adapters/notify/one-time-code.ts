import { spacedDigits } from '../../factors/sent-code/one-time-code.js';
import { translator } from '../../i18n/translate.js';
import type { Mail } from '../../ports/mailer.js';
import type { Notifier } from '../../ports/notifier.js';
import type { SmsMessage, VoiceMessage } from '../../ports/phone-sender.js';
import { chooseLocale, escapeHtml, voices } from './message-kit.js';

type CodeMessage = Parameters<Notifier['oneTimeCode']>[0];

const mailKinds = { enroll: 'enroll', sign_in: 'signIn', change: 'change', disable: 'disable' } as const;

/**
 * The message that carries a code, for the method's channel, in the user's language (else the
 * request's). The SMS ends with the WebOTP line (`@host #code`, wicg.github.io/web-otp) that browsers
 * and iOS read to fill the code in; the call reads the digits one by one, and the phone adapter says
 * it twice.
 */
export function codeMessage(
  input: CodeMessage,
): { mail: Mail } | { sms: SmsMessage } | { call: VoiceMessage } {
  const { method, user, code, purpose, context } = input;
  const locale = chooseLocale(user.locale, context.locale);
  const t = translator(locale);
  const app = t('app.name');
  const to = method.destination;
  if (!to) throw new TypeError(`method ${method.id} has no destination`);
  if (method.type === 'sms') {
    const host = new URL(input.publicUrl).hostname;
    return { sms: { to, text: `${t('code.sms', { app, code })}\n\n@${host} #${code}` } };
  }
  if (method.type === 'voice') {
    return {
      call: { to, text: t('code.voice', { app, digits: spacedDigits(code) }), language: voices[locale] },
    };
  }
  const kind = mailKinds[purpose];
  // Set-up and change name the address being proved; sign-in and turning off, the account.
  const email = purpose === 'enroll' || purpose === 'change' ? to : user.email;
  const body = t(`code.mail.${kind}.body`, { email, code });
  const html = body
    .split('\n\n')
    .map((p) =>
      p === code
        ? `<p style="font-size:24px;letter-spacing:4px"><strong>${code}</strong></p>`
        : `<p>${escapeHtml(p)}</p>`,
    )
    .join('\n');
  return { mail: { to, subject: t(`code.mail.${kind}.subject`, { app }), text: body, html } };
}

/** The SMS a number gets when codes move elsewhere: someone who did not ask for it notices. */
export function numberReplacedSms(notice: Parameters<Notifier['numberReplaced']>[0]): SmsMessage {
  const t = translator(chooseLocale(notice.user.locale, notice.context.locale));
  return {
    to: notice.oldNumber,
    text: t('code.destinationChangedSms', { app: t('app.name'), to: notice.to }),
  };
}
