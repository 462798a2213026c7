import { hasStaffRole } from '../../app/support/staff-access.js';
import type { StaffRole } from '../../core/types.js';
import type { PageContext } from '../pages/shared/page-context.js';
import { ConsoleLayout } from './console-layout.js';
import { consoleSections } from './console-nav.js';

/** The console's front door: one panel per section the staff member may open. */
export function ConsoleHomePage(props: { page: PageContext; role: StaffRole }) {
  const { page, role } = props;
  const { t } = page;
  const sections = consoleSections.filter(
    (s) => s.href !== '/console' && hasStaffRole({ staffRole: role }, s.role),
  );
  return (
    <ConsoleLayout page={page} role={role} title={t('console.title')} lead={t('console.home.intro')}>
      <section class="panel" aria-labelledby="console-sections-heading">
        <h2 class="panel-title" id="console-sections-heading">
          {t('console.nav.label')}
        </h2>
        <ul class="item-list">
          {sections.map((s) => (
            <li class="item">
              <div class="item-body">
                <p class="item-title">
                  <a href={s.href}>{t(s.label)}</a>
                </p>
                {s.hint && <p class="item-meta">{t(s.hint)}</p>}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </ConsoleLayout>
  );
}
