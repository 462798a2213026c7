import { Button } from '../components/button.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';

/** What the last "send the link again" did, shown in the notice. */
export type ResendState = 'sent' | 'wait' | undefined;

/**
 * The security page's calm notice while the account address is unproved: what it holds back, and
 * the button that mails the link again.
 */
export function EmailVerificationNotice(props: { page: PageContext; email: string; resend: ResendState }) {
  const { page, email, resend } = props;
  const { t } = page;
  return (
    <section class="panel" aria-labelledby="verify-email-heading">
      <h2 class="panel-title" id="verify-email-heading">
        {t('verifyEmail.notice.title')}
      </h2>
      <p class="panel-text">{t('verifyEmail.notice.text', { email })}</p>
      {resend && (
        <p class="panel-text" role="status">
          {resend === 'sent' ? t('verifyEmail.notice.sent', { email }) : t('verifyEmail.notice.wait')}
        </p>
      )}
      <PostForm action="/security/email-verification" csrfToken={page.csrfToken}>
        <Button variant="secondary">{t('verifyEmail.notice.resend')}</Button>
      </PostForm>
    </section>
  );
}
