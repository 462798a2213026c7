import type { InvitationPreview } from '../../../app/organizations/accept-invitation.js';
import { Alert } from '../components/alert.js';
import { Button, ButtonLink } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { LocalTime } from '../components/local-time.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';
import { nextParam } from '../shared/safe-next.js';

/**
 * The page an invitation link opens. It changes nothing by itself: joining is a POST. Signed out,
 * it offers sign-in (coming back here) or sign-up; signed in as another address, it says so.
 */
export function InvitationPage(props: {
  page: PageContext;
  token: string;
  invitation: InvitationPreview | null;
  /** The signed-in address, or null when signed out. */
  current: string | null;
  isInvitee: boolean;
}) {
  const { page, invitation, current } = props;
  const { t, locale } = page;
  if (!invitation) {
    return (
      <CardPage page={page} title={t('invitation.title')}>
        <Alert kind="error">
          <p>{t('invitation.invalid')}</p>
        </Alert>
        <div class="actions">
          <ButtonLink href={current ? '/organizations' : '/sign-in'} variant="secondary">
            {current ? t('orgs.title') : t('invitation.signIn')}
          </ButtonLink>
        </div>
      </CardPage>
    );
  }
  const here = `/invitation?token=${encodeURIComponent(props.token)}`;
  return (
    <CardPage page={page} title={t('invitation.title')}>
      <p class="card-text">
        {t('invitation.intro', {
          organization: invitation.organizationName,
          role: t(`org.role.${invitation.role}`),
        })}
      </p>
      <dl class="key-facts">
        <dt>{t('form.email')}</dt>
        <dd class="row-email">{invitation.email}</dd>
        <dt>{t('invitation.expires')}</dt>
        <dd>
          <LocalTime locale={locale} at={invitation.expiresAt} />
        </dd>
      </dl>
      {current === null && (
        <>
          <p class="card-text">{t('invitation.for', { email: invitation.email })}</p>
          <div class="actions">
            <ButtonLink href={`/sign-in?next=${nextParam(here)}`}>{t('invitation.signIn')}</ButtonLink>
            <ButtonLink href="/sign-up" variant="secondary">
              {t('invitation.signUp')}
            </ButtonLink>
          </div>
          <p class="card-note">{t('invitation.signUpNote')}</p>
        </>
      )}
      {current !== null && !props.isInvitee && (
        <Alert kind="info">
          <p>{t('invitation.wrongAccount', { current, email: invitation.email })}</p>
        </Alert>
      )}
      {current !== null && props.isInvitee && (
        <PostForm action="/invitation" csrfToken={page.csrfToken}>
          <input type="hidden" name="token" value={props.token} />
          <Button wide>{t('invitation.accept')}</Button>
        </PostForm>
      )}
    </CardPage>
  );
}
