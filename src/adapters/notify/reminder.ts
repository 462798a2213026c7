import { formatDeadline } from '../../i18n/format-deadline.js';
import { translator } from '../../i18n/translate.js';
import type { Mail } from '../../ports/mailer.js';
import type { Notifier } from '../../ports/notifier.js';
import { chooseLocale, htmlParagraphs } from './message-kit.js';

/**
 * The reminder that a policy requires 2FA from its deadline, in the user's language: the job that
 * sends it has no request whose language could stand in.
 */
export function reminderMail(reminder: Parameters<Notifier['twoFactorReminder']>[0]): Mail {
  const { user } = reminder;
  const locale = chooseLocale(user.locale);
  const t = translator(locale);
  const vars = {
    email: user.email,
    date: formatDeadline(locale, reminder.deadline, reminder.timeZone),
    by: reminder.by.scope === 'organization' ? reminder.by.name : t('app.name'),
    days: reminder.days,
    url: reminder.setupUrl,
  };
  const paragraphs = [
    t('policy.mail.reminder.body', vars),
    t(reminder.days === 1 ? 'policy.mail.reminder.oneDayLeft' : 'policy.mail.reminder.daysLeft', vars),
    t('policy.mail.reminder.action', vars),
    t('mail.footer', { app: t('app.name') }),
  ];
  return {
    to: user.email,
    subject: t('policy.mail.reminder.subject', vars),
    text: paragraphs.join('\n\n'),
    html: htmlParagraphs(paragraphs),
  };
}
