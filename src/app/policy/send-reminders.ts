import { daysLeft, dueReminder } from '../../core/policy/policy-rules.js';
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
    await deps.notifier.twoFactorReminder({
      user,
      deadline: required.value,
      timeZone: required.timeZone,
      by,
      days: daysLeft(required.value, now),
      setupUrl: `${settings.publicUrl}/security/two-factor/setup`,
    });
    sent += 1;
  }
  return sent;
}
