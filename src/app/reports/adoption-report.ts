import { daysLeft } from '../../core/policy/policy-rules.js';
import type { AdoptionFigures, AdoptionSnapshot, OrganizationAdoption } from '../../core/reports/adoption.js';
import { dayBefore, daysFromTo, percentOf, utcDay } from '../../core/reports/days.js';
import type { AppDeps } from '../deps.js';

/**
 * Takes today's snapshot of the 2FA figures unless today (UTC) has one. Safe to call from every
 * process and on every dashboard visit: the day is the key, so at most one row lands per day.
 * Returns whether this call took it.
 */
export async function takeAdoptionSnapshot(deps: Pick<AppDeps, 'store' | 'clock'>): Promise<boolean> {
  const now = deps.clock.now();
  const day = utcDay(now);
  if ((await deps.store.adoption.history(day, day)).length > 0) return false;
  const figures = await deps.store.adoption.current();
  return deps.store.adoption.recordSnapshot({ day, takenAt: now, ...figures });
}

export interface AdoptionReport {
  now: Date;
  current: AdoptionFigures & { percent: number };
  byMethod: Array<{ type: string; users: number; percent: number }>;
  organizations: Array<OrganizationAdoption & { percent: number }>;
  /** Every day of the period, oldest first; null for a day without a snapshot. */
  history: Array<{ day: string; snapshot: AdoptionSnapshot | null }>;
  /** Deadlines still ahead, soonest first, with the users who would be stopped today. */
  deadlines: UpcomingDeadline[];
}

export interface UpcomingDeadline {
  /** null: the operator's global policy. */
  organization: { id: string; name: string } | null;
  requiredFrom: Date;
  timeZone: string | null;
  daysLeft: number;
  notReady: number;
}

/** Each policy whose date is ahead, and how many of its users lack a method it allows. */
async function upcomingDeadlines(deps: Pick<AppDeps, 'store'>, now: Date): Promise<UpcomingDeadline[]> {
  const policies = await deps.store.policies.listWithDeadlineAfter(now);
  const deadlines = await Promise.all(
    policies.map(async (policy): Promise<UpcomingDeadline | null> => {
      if (!policy.requiredFrom) return null;
      const global = policy.scope === 'global';
      const organization = global ? null : await deps.store.organizations.findById(policy.scope);
      if (!global && !organization) return null;
      return {
        organization: organization ? { id: organization.id, name: organization.name } : null,
        requiredFrom: policy.requiredFrom,
        timeZone: policy.timeZone,
        daysLeft: daysLeft(policy.requiredFrom, now),
        notReady: await deps.store.adoption.countNotReady(
          { organizationId: organization?.id },
          policy.allowedMethods,
        ),
      };
    }),
  );
  return deadlines
    .filter((d): d is UpcomingDeadline => d !== null)
    .sort((a, b) => a.requiredFrom.getTime() - b.requiredFrom.getTime());
}

/** How many days of history the dashboard shows by default. */
export const historyDays = 90;

/** The dashboard's figures; opening it takes today's snapshot when no process has yet. */
export async function adoptionReport(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  options: { days?: number } = {},
): Promise<AdoptionReport> {
  const days = options.days ?? historyDays;
  await takeAdoptionSnapshot(deps);
  const now = deps.clock.now();
  const today = utcDay(now);
  const first = dayBefore(today, days - 1);
  const [current, organizations, snapshots, deadlines] = await Promise.all([
    deps.store.adoption.current(),
    deps.store.adoption.byOrganization(),
    deps.store.adoption.history(first, today),
    upcomingDeadlines(deps, now),
  ]);
  const byDay = new Map(snapshots.map((s) => [s.day, s]));
  return {
    now,
    current: { ...current, percent: percentOf(current.withTwoFactor, current.users) },
    byMethod: Object.entries(current.byMethod)
      .map(([type, users]) => ({ type, users, percent: percentOf(users, current.users) }))
      .sort((a, b) => b.users - a.users || a.type.localeCompare(b.type)),
    organizations: organizations.map((o) => ({ ...o, percent: percentOf(o.withTwoFactor, o.users) })),
    history: daysFromTo(first, today).map((day) => ({ day, snapshot: byDay.get(day) ?? null })),
    deadlines,
  };
}
