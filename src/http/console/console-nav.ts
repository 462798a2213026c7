import type { StaffRole } from '../../core/types.js';
import type { MessageKey } from '../../i18n/translate.js';

/** One section of the console: where it lives, its name in the navigation, and who may open it. */
export interface ConsoleSection {
  href: string;
  label: MessageKey;
  /** One sentence for the console's overview page. */
  hint?: MessageKey;
  role: StaffRole;
}

/**
 * The console's navigation, in order. A new section (the audit explorer, the adoption dashboard)
 * is one entry here; each staff member sees only the sections their role opens.
 */
export const consoleSections: ConsoleSection[] = [
  { href: '/console', label: 'console.nav.home', role: 'support' },
  { href: '/console/users', label: 'console.nav.users', hint: 'console.nav.usersHint', role: 'support' },
  { href: '/console/audit', label: 'reports.nav.audit', role: 'operator' },
  { href: '/console/adoption', label: 'reports.nav.adoption', role: 'operator' },
];
