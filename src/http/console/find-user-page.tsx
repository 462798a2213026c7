import type { StaffRole } from '../../core/types.js';
import { Alert } from '../pages/components/alert.js';
import { Button } from '../pages/components/button.js';
import { FormField } from '../pages/components/form-field.js';
import type { PageContext } from '../pages/shared/page-context.js';
import { ConsoleLayout } from './console-layout.js';

/** Look a user up by e-mail. A GET form: searching changes nothing, so it needs no token. */
export function FindUserPage(props: {
  page: PageContext;
  role: StaffRole;
  email?: string | undefined;
  problem?: string | undefined;
}) {
  const { page, role } = props;
  const { t } = page;
  return (
    <ConsoleLayout page={page} role={role} title={t('console.users.title')} lead={t('console.users.intro')}>
      <section class="panel" aria-label={t('console.users.title')}>
        {props.problem && (
          <Alert kind="info">
            <p>{props.problem}</p>
          </Alert>
        )}
        <search>
          <form method="get" action="/console/users" class="form console-search">
            <FormField
              name="email"
              type="email"
              label={t('console.users.email')}
              autocomplete="off"
              value={props.email}
              autofocus={true}
            />
            <Button>{t('console.users.find')}</Button>
          </form>
        </search>
      </section>
    </ConsoleLayout>
  );
}
