import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { FormError } from '../components/form-error.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { errorFor, type FormProblem, formLevel } from '../shared/form-problem.js';
import type { PageContext } from '../shared/page-context.js';

export interface ResetPasswordPageProps {
  page: PageContext;
  token: string;
  email: string;
  problem?: FormProblem | undefined;
}

/** The page a reset link opens: one new password. It signs nobody in (T-RESET-1). */
export function ResetPasswordPage(props: ResetPasswordPageProps) {
  const { page, problem } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t('reset.title')}>
      <p class="card-text">{t('reset.intro')}</p>
      <p class="signed-in-as">
        <span class="signed-in-as-label">{t('reset.forAccount')}</span>{' '}
        <strong class="signed-in-as-email">{props.email}</strong>
      </p>
      <FormError problem={problem} />
      <PostForm action="/reset-password" csrfToken={page.csrfToken} class="form">
        <input type="hidden" name="token" value={props.token} />
        <input type="email" name="username" autocomplete="username" value={props.email} hidden readonly />
        <FormField
          name="password"
          type="password"
          label={t('form.newPassword')}
          autocomplete="new-password"
          hint={t('form.passwordHint')}
          error={errorFor(problem, 'password')}
          describedBy={formLevel(problem)}
          autofocus={!problem}
        />
        <Button wide>{t('reset.submit')}</Button>
      </PostForm>
    </CardPage>
  );
}
