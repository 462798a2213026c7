import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';

/**
 * "Send again", with the seconds left of the cool-down when there are any. The count is right
 * when the page is made; app.js counts it down from `data-countdown` where scripts run.
 */
export function ResendForm(props: { page: PageContext; action: string; waitSeconds: number }) {
  const { page, waitSeconds } = props;
  const { t } = page;
  return (
    <PostForm action={props.action} csrfToken={page.csrfToken} class="resend-form">
      <p class="card-note">{t('codePage.notArrived')}</p>
      {waitSeconds > 0 && (
        <p class="card-note" data-countdown={waitSeconds} data-countdown-text={t('codePage.resendWait')}>
          {t('codePage.resendWait', { seconds: waitSeconds })}
        </p>
      )}
      <button type="submit" class="link-button">
        {t('codePage.resend')}
      </button>
    </PostForm>
  );
}
