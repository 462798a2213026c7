import { Button } from '../components/button.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';
import { SentCodeField, SentToText } from './code-entry-page.js';
import type { CodeStepState } from './code-step-state.js';
import { keepTogether } from './keep-together.js';
import { RememberDeviceField, type RememberOffer } from './remember-device-field.js';
import { ResendForm } from './resend-form.js';

/**
 * The second step for an e-mail, SMS or voice method. First only "Send code": nothing goes out
 * until the user asks, so a password alone cannot make us send codes (T-CODE-4). Then the code.
 */
export function CodeStep(props: {
  page: PageContext;
  state: CodeStepState;
  /** `?method=…&next=…`, for both forms. */
  query: string;
  error: string | undefined;
  remember?: RememberOffer | undefined;
}) {
  const { page, state, query } = props;
  const { t } = page;
  const sendAction = `/sign-in/second-factor/send${query}`;
  if (!state.sent) {
    return (
      <PostForm action={sendAction} csrfToken={page.csrfToken} class="form">
        <p class="card-text">{t(`codePage.signIn.${state.type}`, { to: keepTogether(state.sentTo) })}</p>
        <Button wide>{t('codePage.send')}</Button>
      </PostForm>
    );
  }
  return (
    <>
      <SentToText page={page} type={state.type} sentTo={state.sentTo} />
      <PostForm action={`/sign-in/second-factor${query}`} csrfToken={page.csrfToken} class="form">
        <SentCodeField page={page} error={props.error} />
        <RememberDeviceField page={page} offer={props.remember} />
        <Button wide>{t('step.submit')}</Button>
      </PostForm>
      <ResendForm page={page} action={sendAction} waitSeconds={state.waitSeconds} />
    </>
  );
}
