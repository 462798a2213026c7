import type { OrganizationRole } from '../../core/organizations/roles.js';
import { defaultLocale, isLocale, type Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { Mailer } from '../../ports/mailer.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The invitation e-mail, in the recipient's language when they already have an account, else in
 * the inviter's. The organization name is the customer's own text: escaped in the HTML part.
 */
export async function sendInvitationMail(
  mailer: Mailer,
  input: {
    to: string;
    locale: string | null;
    inviter: string;
    organization: string;
    role: OrganizationRole;
    url: string;
    days: number;
  },
): Promise<void> {
  const locale: Locale = isLocale(input.locale) ? input.locale : defaultLocale;
  const t = translator(locale);
  const vars = {
    inviter: input.inviter,
    organization: input.organization,
    role: t(`org.role.${input.role}`),
    days: input.days,
  };
  const paragraphs = [
    t('mail.orgInvitation.body', vars),
    input.url,
    t('mail.orgInvitation.expiry', vars),
    t('mail.orgInvitation.notExpected'),
    t('mail.footer', { app: t('app.name') }),
  ];
  await mailer.send({
    to: input.to,
    subject: t('mail.orgInvitation.subject', vars),
    text: paragraphs.join('\n\n'),
    html: paragraphs
      .map((p) =>
        p === input.url
          ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>`
          : `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`,
      )
      .join('\n'),
  });
}
