import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { EmailField } from '../components/email-field.js';
import { FormError } from '../components/form-error.js';
import { PostForm } from '../components/post-form.js';
import type { FormProblem } from '../shared/form-problem.js';
import type { PageContext } from '../shared/page-context.js';

export function ForgotPasswordPage(props: {
  page: PageContext;
  email?: string | undefined;
  problem?: FormProblem | undefined;
}) {
  const { page, problem } = props;
  const { t } = page;
  return (
    <CardPage
      page={page}
      title={t('forgot.title')}
      back={{ href: '/sign-in', label: t('forgot.backToSignIn') }}
    >
      <p class="card-text">{t('forgot.intro')}</p>
      <FormError problem={problem} />
      <PostForm action="/forgot-password" csrfToken={page.csrfToken} class="form">
        <EmailField label={t('form.email')} value={props.email} problem={problem} />
        <Button wide>{t('forgot.submit')}</Button>
      </PostForm>
    </CardPage>
  );
}
