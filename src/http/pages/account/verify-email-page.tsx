import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';

/**
 * The page a verification link opens: one button. Opening the link spends nothing, so a mail
 * scanner that fetches it proves nothing; the owner's click does.
 */
export function VerifyEmailPage(props: { page: PageContext; token: string; email: string }) {
  const { page } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t('verifyEmail.ready.title')}>
      <p class="card-text">{t('verifyEmail.ready.text', { email: props.email })}</p>
      <PostForm action="/verify-email" csrfToken={page.csrfToken} class="form">
        <input type="hidden" name="token" value={props.token} />
        <Button wide>{t('verifyEmail.ready.submit')}</Button>
      </PostForm>
    </CardPage>
  );
}
