import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';
import { CodeField } from './code-field.js';
import { keepTogether } from './keep-together.js';
import { ResendForm } from './resend-form.js';

/** The way back from a code set-up or change, which leaves everything as it was. */
export const cancelToSecurity = (page: PageContext) => <a href="/security">{page.t('common.cancel')}</a>;

export interface CodeEntryPageProps {
  page: PageContext;
  title: string;
  submitLabel: string;
  /** Where the code posts to (`/code`) and a new one is asked for (`/resend`). */
  base: string;
  type: string;
  /** The destination as it may be shown: masked. */
  sentTo: string;
  waitSeconds: number;
  /** About the code typed in. */
  error?: string | undefined;
  /** About sending a new one. */
  sendError?: string | undefined;
}

/** Where the code was sent, the field to type it in, and a new one when it did not arrive. */
export function CodeEntryPage(props: CodeEntryPageProps) {
  const { page, base } = props;
  return (
    <CardPage page={page} title={props.title} footer={cancelToSecurity(page)}>
      <SentToText page={page} type={props.type} sentTo={props.sentTo} />
      <ErrorAlert error={props.sendError} />
      <PostForm action={`${base}/code`} csrfToken={page.csrfToken} class="form">
        <SentCodeField page={page} error={props.error} />
        <Button wide>{props.submitLabel}</Button>
      </PostForm>
      <ResendForm page={page} action={`${base}/resend`} waitSeconds={props.waitSeconds} />
    </CardPage>
  );
}

/** "We sent a code to …" or, for a voice call, "We are calling …". */
export function SentToText(props: { page: PageContext; type: string; sentTo: string }) {
  const { t } = props.page;
  return (
    <p class="card-text">
      {t(props.type === 'voice' ? 'codePage.calling' : 'codePage.sentTo', {
        to: keepTogether(props.sentTo),
      })}
    </p>
  );
}

/** The field for a code sent by e-mail, SMS or call: always digits. */
export function SentCodeField(props: { page: PageContext; error: string | undefined }) {
  const { t } = props.page;
  return (
    <CodeField
      name="code"
      numeric
      label={t('codePage.code.label')}
      hint={t('codePage.code.hint')}
      error={props.error}
    />
  );
}
