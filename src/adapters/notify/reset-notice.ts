import { translator } from '../../i18n/translate.js';
import type { Mail } from '../../ports/mailer.js';
import type { Recipient, ResetNotice } from '../../ports/notifier.js';
import { chooseLocale, htmlParagraphs, utc, voices } from './message-kit.js';

/**
 * A support reset of 2FA told in the user's language, for each channel: the request is support's,
 * not the user's, so its language does not count. A cancellation the user just made themselves
 * needs no SMS or call: `sms` and `call` are null then.
 */
export function resetNoticeMessages(
  user: Recipient,
  notice: ResetNotice,
): { mail: Omit<Mail, 'to'>; sms: string | null; call: { text: string; language: string } | null } {
  const locale = chooseLocale(user.locale);
  const t = translator(locale);
  const app = t('app.name');
  const vars: Record<string, string> =
    notice.kind === 'requested'
      ? { email: user.email, app, effective: utc(notice.effectiveAt), url: notice.cancelUrl }
      : { email: user.email, app };
  const paragraphs = [t(`twoFactorReset.mail.${notice.kind}.body`, vars), t('mail.footer', { app })];
  const mail = {
    subject: t(`twoFactorReset.mail.${notice.kind}.subject`),
    text: paragraphs.join('\n\n'),
    html: htmlParagraphs(paragraphs),
  };
  if (notice.kind === 'cancelled') return { mail, sms: null, call: null };
  return {
    mail,
    sms: t(`twoFactorReset.sms.${notice.kind}`, vars),
    call: { text: t(`twoFactorReset.voice.${notice.kind}`, vars), language: voices[locale] },
  };
}
