import { translator } from '../../i18n/translate.js';
import type { Mail } from '../../ports/mailer.js';
import type { Notifier } from '../../ports/notifier.js';
import { chooseLocale, htmlParagraphs } from './message-kit.js';

/**
 * The invitation e-mail, in the recipient's language when they already have an account, else in
 * the inviter's. The organization name is the customer's own text: escaped in the HTML part.
 */
export function invitationMail(input: Parameters<Notifier['organizationInvitation']>[0]): Mail {
  const t = translator(chooseLocale(input.locale));
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
  return {
    to: input.to,
    // Never the organization's name: it is the customer's own text, and in a subject line it
    // would let anyone write the headline of a mail we send to a stranger.
    subject: t('mail.orgInvitation.subject', { app: t('app.name') }),
    text: paragraphs.join('\n\n'),
    html: htmlParagraphs(paragraphs, input.url),
  };
}
