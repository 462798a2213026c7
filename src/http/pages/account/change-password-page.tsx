import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { FormError } from '../components/form-error.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { errorFor, type FormProblem, formLevel } from '../shared/form-problem.js';
import type { PageContext } from '../shared/page-context.js';

/** The current password and a new one (ASVS 6.2.3); the other devices are signed out after. */
export function ChangePasswordPage(props: {
  page: PageContext;
  email: string;
  problem?: FormProblem | undefined;
}) {
  const { page, problem } = props;
  const { t } = page;
  return (
    <CardPage
      page={page}
      title={t('changePassword.title')}
      back={{ href: '/security', label: t('common.backToSecurity') }}
      footer={<a href="/security">{t('common.cancel')}</a>}
    >
      <p class="card-text">{t('changePassword.intro')}</p>
      <FormError problem={problem} />
      <PostForm action="/security/password" csrfToken={page.csrfToken} class="form">
        <input type="email" name="username" autocomplete="username" value={props.email} hidden readonly />
        <FormField
          name="currentPassword"
          type="password"
          label={t('form.currentPassword')}
          autocomplete="current-password"
          error={errorFor(problem, 'currentPassword')}
          describedBy={formLevel(problem)}
          autofocus={!problem}
        />
        <FormField
          name="newPassword"
          type="password"
          label={t('form.newPassword')}
          autocomplete="new-password"
          hint={t('form.passwordHint')}
          error={errorFor(problem, 'newPassword')}
          describedBy={formLevel(problem)}
        />
        <Button wide>{t('changePassword.submit')}</Button>
      </PostForm>
    </CardPage>
  );
}
