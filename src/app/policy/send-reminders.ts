import type { PolicySource } from '../../core/policy/merge-policies.js';
import { daysLeft, dueReminder } from '../../core/policy/policy-rules.js';
import type { User } from '../../core/types.js';
import { formatDeadline } from '../../i18n/format-deadline.js';
import { defaultLocale, isLocale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { AppDeps } from '../deps.js';
import { hasTwoFactor } from '../two-factor/two-factor-status.js';
import { effectivePolicyFor } from './effective-policy.js';

const pageSize = 500;

/** Everyone a policy with a deadline still ahead may concern: all users, or its organizations' members. */
async function candidates(deps: Pick<AppDeps, 'store'>, now: Date): Promise<string[]> {
  const { store } = deps;
  const ahead = await store.policies.listWithDeadlineAfter(now);
  if (ahead.length === 0) return [];
  const ids = new Set<string>();
  if (ahead.some((p) => p.scope === 'global')) {
    for (let offset = 0; ; offset += pageSize) {
      const users = await store.users.list({ limit: pageSize, offset });
      for (const user of users) ids.add(user.id);
      if (users.length < pageSize) break;
    }
    return [...ids];
  }
  for (const policy of ahead) {
    for (const member of await store.organizations.membersOf(policy.scope)) ids.add(member.userId);
  }
  return [...ids];
}

function reminderMail(
  deps: Pick<AppDeps, 'settings'>,
  user: User,
  reminder: { deadline: Date; timeZone: string; by: PolicySource; days: number },
) {
  const locale = isLocale(user.locale) ? user.locale : defaultLocale;
  const t = translator(locale);
  const vars = {
    email: user.email,
    date: formatDeadline(locale, reminder.deadline, reminder.timeZone),
    by: reminder.by.scope === 'organization' ? reminder.by.name : t('app.name'),
    days: reminder.days,
    url: `${deps.settings.publicUrl}/security/two-factor/setup`,
  };
  const paragraphs = [
    t('policy.mail.reminder.body', vars),
    t(reminder.days === 1 ? 'policy.mail.reminder.oneDayLeft' : 'policy.mail.reminder.daysLeft', vars),
    t('policy.mail.reminder.action', vars),
    t('mail.footer', { app: t('app.name') }),
  ];
  const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    to: user.email,
    subject: t('policy.mail.reminder.subject', vars),
    text: paragraphs.join('\n\n'),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
  };
}

/**
 * Sends the reminders that are due: to each user without 2FA whose deadline is ahead, the one
 * reminder of TWOSTEP_REMINDER_DAYS whose day has come, once. The claim is an insert that the
 * database's unique key lets succeed once per user, deadline and day, so two server processes on
 * one database never send it twice. Returns how many were sent.
 */
export async function sendDueReminders(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const { store, settings } = deps;
  let sent = 0;
  for (const userId of await candidates(deps, now)) {
    const policy = await effectivePolicyFor(deps, userId);
    const required = policy.requiredFrom;
    if (!required || required.value <= now) continue;
    const days = dueReminder(required.value, now, settings.reminderDays);
    if (days === null) continue;
    const user = await store.users.findById(userId);
    if (!user || user.disabledAt || (await hasTwoFactor(store, userId))) continue;
    const claimed = await store.policies.claimReminder({
      userId,
      deadline: required.value,
      daysBefore: days,
      at: now,
    });
    if (!claimed) continue;
    const [by] = required.by;
    if (!by) continue;
    await deps.mailer.send(
      reminderMail(deps, user, {
        deadline: required.value,
        timeZone: required.timeZone,
        by,
        days: daysLeft(required.value, now),
      }),
    );
    sent += 1;
  }
  return sent;
}
