import type { Child } from 'hono/jsx';
import { hasStaffRole } from '../../app/support/staff-access.js';
import type { StaffRole } from '../../core/types.js';
import { Layout } from '../pages/shared/layout.js';
import type { PageContext } from '../pages/shared/page-context.js';
import { consoleSections } from './console-nav.js';

export interface ConsoleLayoutProps {
  page: PageContext;
  /** The staff member's role: it decides which sections the navigation offers. */
  role: StaffRole;
  /** The page's heading, and the tab's title too. */
  title: string;
  lead?: string | undefined;
  children: Child;
}

/** The frame of every console page: the site frame, the console's navigation, then the page. */
export function ConsoleLayout(props: ConsoleLayoutProps) {
  const { page, role } = props;
  const { t } = page;
  const path = page.path.split('?')[0];
  const sections = consoleSections.filter((s) => hasStaffRole({ staffRole: role }, s.role));
  // The deepest section containing this page is the current one ("/console" holds every page).
  const current = sections
    .filter((s) => path === s.href || path?.startsWith(`${s.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <Layout page={page} title={`${props.title} – ${t('console.title')}`} width="wide">
      <nav class="console-nav" aria-label={t('console.nav.label')}>
        <p class="console-nav-title">
          {t('console.title')}
          <span class="badge badge-neutral">
            {t(role === 'operator' ? 'console.role.operator' : 'console.role.support')}
          </span>
        </p>
        <ul class="console-nav-list">
          {sections.map((s) => (
            <li>
              <a href={s.href} aria-current={s === current ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="page-head">
        <h1 class="page-title">{props.title}</h1>
        {props.lead && <p class="page-lead">{props.lead}</p>}
      </div>
      {props.children}
    </Layout>
  );
}
