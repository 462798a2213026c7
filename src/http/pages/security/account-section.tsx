import { ButtonLink } from '../components/button.js';
import type { PageContext } from '../shared/page-context.js';

/** Who is signed in, and the way to a new password. */
export function AccountSection(props: { page: PageContext; email: string }) {
  const { t } = props.page;
  return (
    <section class="panel" aria-labelledby="account-heading">
      <h2 class="panel-title" id="account-heading">
        {t('security.account.heading')}
      </h2>
      <dl class="rows">
        <div class="row">
          <dt class="row-label">{t('form.email')}</dt>
          <dd class="row-value row-email">{props.email}</dd>
        </div>
        <div class="row">
          <dt class="row-label">{t('form.password')}</dt>
          <dd class="row-value">
            <span class="row-text">{t('security.account.passwordText')}</span>
            <ButtonLink href="/security/password" variant="secondary">
              {t('security.account.changePassword')}
            </ButtonLink>
          </dd>
        </div>
      </dl>
    </section>
  );
}
