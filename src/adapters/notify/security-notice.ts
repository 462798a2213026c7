import { deviceLabel } from '../../i18n/device-label.js';
import { type MessageKey, translator } from '../../i18n/translate.js';
import type { Mail } from '../../ports/mailer.js';
import type { SecurityNotice } from '../../ports/notifier.js';
import { chooseLocale, htmlParagraphs, utc } from './message-kit.js';

/**
 * A security notice in the user's language (else the request's), with when, which device and which
 * IP, and what to do if it was not them (ASVS 6.3.6).
 */
export function securityNoticeMail(notice: SecurityNotice): Mail {
  const { user, kind, context, at, publicUrl, vars = {}, includeNotYou = true } = notice;
  const t = translator(chooseLocale(user.locale, context.locale));
  const key = (suffix: 'subject' | 'body') => `mail.${kind}.${suffix}` as MessageKey;
  const paragraphs = [
    t(key('body'), { email: user.email, ...vars }),
    t('mail.details', {
      time: utc(at),
      device: context.userAgent ? deviceLabel(t, context.userAgent) : '—',
      ip: context.ip,
    }),
    ...(includeNotYou ? [t('mail.notYou', { url: `${publicUrl}/security` })] : []),
    t('mail.footer', { app: t('app.name') }),
  ];
  return {
    to: user.email,
    subject: t(key('subject')),
    text: paragraphs.join('\n\n'),
    html: htmlParagraphs(paragraphs),
  };
}
