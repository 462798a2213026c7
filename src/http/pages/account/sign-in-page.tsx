import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { EmailField } from '../components/email-field.js';
import { FormError } from '../components/form-error.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { errorFor, type FormProblem, formLevel } from '../shared/form-problem.js';
import type { PageContext } from '../shared/page-context.js';
import { nextParam } from '../shared/safe-next.js';

export type SignInNotice = 'created' | 'reset' | 'signedOut' | 'signInFirst' | 'expired';

export interface SignInPageProps {
  page: PageContext;
  email?: string | undefined;
  /** Where to go after signing in; kept only when it is not the default. */
  next?: string | undefined;
  notice?: SignInNotice | undefined;
  problem?: FormProblem | undefined;
  signupOpen: boolean;
}

const noticeKeys = {
  created: 'signIn.notice.created',
  reset: 'signIn.notice.reset',
  signedOut: 'signIn.notice.signedOut',
  signInFirst: 'error.not_signed_in',
  expired: 'step.expired',
} as const;

export function SignInPage(props: SignInPageProps) {
  const { page, problem } = props;
  const { t } = page;
  const action = props.next ? `/sign-in?next=${nextParam(props.next)}` : '/sign-in';
  const footer = props.signupOpen && (
    <>
      {t('signIn.newHere')} <a href="/sign-up">{t('signIn.createAccount')}</a>
    </>
  );
  return (
    <CardPage page={page} title={t('signIn.title')} footer={footer}>
      {/* One message at a time: a notice or an error takes the place of the introduction. */}
      {!props.notice && !problem && <p class="card-text">{t('signIn.intro')}</p>}
      {props.notice && !problem && (
        <Alert kind={props.notice === 'signInFirst' || props.notice === 'expired' ? 'info' : 'success'}>
          <p>{t(noticeKeys[props.notice])}</p>
        </Alert>
      )}
      <FormError problem={problem} />
      <PostForm action={action} csrfToken={page.csrfToken} class="form">
        <EmailField label={t('form.email')} value={props.email} problem={problem} />
        <FormField
          name="password"
          type="password"
          label={t('form.password')}
          autocomplete="current-password"
          error={errorFor(problem, 'password')}
          describedBy={formLevel(problem)}
        />
        <p class="form-aside">
          <a href="/forgot-password">{t('signIn.forgot')}</a>
        </p>
        <Button wide>{t('signIn.submit')}</Button>
      </PostForm>
    </CardPage>
  );
}
