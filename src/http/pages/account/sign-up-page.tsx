import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { EmailField } from '../components/email-field.js';
import { FormError } from '../components/form-error.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { errorFor, type FormProblem, formLevel } from '../shared/form-problem.js';
import type { PageContext } from '../shared/page-context.js';

export function SignUpPage(props: {
  page: PageContext;
  email?: string | undefined;
  problem?: FormProblem | undefined;
}) {
  const { page, problem } = props;
  const { t } = page;
  const footer = (
    <>
      {t('signUp.haveAccount')} <a href="/sign-in">{t('signUp.signIn')}</a>
    </>
  );
  return (
    <CardPage page={page} title={t('signUp.title')} footer={footer}>
      <p class="card-text">{t('signUp.intro')}</p>
      <FormError problem={problem} />
      <PostForm action="/sign-up" csrfToken={page.csrfToken} class="form">
        <EmailField label={t('form.email')} value={props.email} problem={problem} />
        <FormField
          name="password"
          type="password"
          label={t('form.password')}
          autocomplete="new-password"
          hint={t('form.passwordHint')}
          error={errorFor(problem, 'password')}
          describedBy={formLevel(problem)}
        />
        <Button wide>{t('signUp.submit')}</Button>
      </PostForm>
    </CardPage>
  );
}
