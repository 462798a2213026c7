import { translator } from '../../i18n/translate.js';
import type { Mail } from '../../ports/mailer.js';
import type { Notifier } from '../../ports/notifier.js';
import { chooseLocale, htmlParagraphs } from './message-kit.js';

/** The link that proves the account address, in the account's language. */
export function verificationMail(input: Parameters<Notifier['emailVerification']>[0]): Mail {
  const t = translator(chooseLocale(input.user.locale));
  const app = t('app.name');
  const paragraphs = [
    t('mail.verifyEmail.body', { email: input.user.email, app }),
    input.url,
    t('mail.verifyEmail.expiry', { hours: input.hours }),
    t('mail.verifyEmail.notExpected'),
    t('mail.footer', { app }),
  ];
  return {
    to: input.user.email,
    subject: t('mail.verifyEmail.subject', { app }),
    text: paragraphs.join('\n\n'),
    html: htmlParagraphs(paragraphs, input.url),
  };
}
