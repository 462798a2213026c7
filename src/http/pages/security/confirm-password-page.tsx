import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { FormError } from '../components/form-error.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { errorFor, type FormProblem, formLevel } from '../shared/form-problem.js';
import type { PageContext } from '../shared/page-context.js';
import { nextParam } from '../shared/safe-next.js';

export interface ConfirmPasswordPageProps {
  page: PageContext;
  email: string;
  next: string;
  problem?: FormProblem | undefined;
}

/** "Please confirm your password before continuing": the door to sudo mode (T-SESSION-5). */
export function ConfirmPasswordPage(props: ConfirmPasswordPageProps) {
  const { page, problem } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t('confirm.title')} footer={<a href={props.next}>{t('common.cancel')}</a>}>
      <p class="card-text">{t('error.sudo_required')}</p>
      <p class="signed-in-as">
        <span class="signed-in-as-label">{t('layout.signedInAs')}</span>{' '}
        <strong class="signed-in-as-email">{props.email}</strong>
      </p>
      <FormError problem={problem} />
      <PostForm
        action={`/confirm-password?next=${nextParam(props.next)}`}
        csrfToken={page.csrfToken}
        class="form"
      >
        {/* Lets a password manager tell which account this password is for. */}
        <input type="email" name="username" autocomplete="username" value={props.email} hidden readonly />
        <FormField
          name="password"
          type="password"
          label={t('form.password')}
          autocomplete="current-password"
          error={errorFor(problem, 'password')}
          describedBy={formLevel(problem)}
          autofocus
        />
        <Button wide>{t('confirm.submit')}</Button>
      </PostForm>
      <p class="card-note">{t('confirm.why')}</p>
    </CardPage>
  );
}
