import type { RequestContext, User } from '../core/types.js';
import { deviceLabel } from '../i18n/device-label.js';
import { defaultLocale, isLocale } from '../i18n/locales.js';
import { type MessageKey, translator } from '../i18n/translate.js';
import type { Mailer } from '../ports/mailer.js';

export type SecurityMail =
  | 'passwordChanged'
  | 'passwordReset'
  | 'passwordWasReset'
  | 'signupExisting'
  | 'twoFactorEnabled'
  | 'twoFactorDisabled'
  | 'methodAdded'
  | 'methodRemoved'
  | 'methodDestinationChanged'
  | 'recoveryCodeUsed'
  | 'recoveryCodesRegenerated'
  | 'recoveryCodesIssued'
  | 'secondFactorLocked';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * Sends a security notice in the user's language, plain text and HTML, with when, which device and
 * which IP, and what to do if it was not them (ASVS 6.3.6).
 */
export async function sendSecurityMail(
  mailer: Mailer,
  options: {
    user: Pick<User, 'email' | 'locale'>;
    kind: SecurityMail;
    context: RequestContext;
    at: Date;
    publicUrl: string;
    vars?: Record<string, string>;
    /** Only for notices about something the user did not necessarily do. */
    includeNotYou?: boolean;
  },
): Promise<void> {
  const { user, kind, context, at, publicUrl, vars = {}, includeNotYou = true } = options;
  const locale = isLocale(user.locale)
    ? user.locale
    : isLocale(context.locale)
      ? context.locale
      : defaultLocale;
  const t = translator(locale);
  const key = (suffix: 'subject' | 'body') => `mail.${kind}.${suffix}` as MessageKey;
  const paragraphs = [
    t(key('body'), { email: user.email, ...vars }),
    t('mail.details', {
      time: `${at.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
      device: context.userAgent ? deviceLabel(t, context.userAgent) : '—',
      ip: context.ip,
    }),
    ...(includeNotYou ? [t('mail.notYou', { url: `${publicUrl}/security` })] : []),
    t('mail.footer', { app: t('app.name') }),
  ];
  await mailer.send({
    to: user.email,
    subject: t(key('subject')),
    text: paragraphs.join('\n\n'),
    html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n'),
  });
}
