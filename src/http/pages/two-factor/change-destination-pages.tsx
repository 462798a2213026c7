import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../page-context.js';
import { CodeField } from './code-field.js';
import { CountrySelect } from './country-select.js';
import { keepTogether } from './keep-together.js';
import { ResendForm } from './resend-form.js';

export const changePath = (methodId: string) =>
  `/security/two-factor/methods/${encodeURIComponent(methodId)}/change`;

const cancel = (page: PageContext) => <a href="/security">{page.t('common.cancel')}</a>;

function ErrorAlert(props: { error: string | undefined }) {
  if (!props.error) return null;
  return (
    <Alert kind="error">
      <p>{props.error}</p>
    </Alert>
  );
}

export interface ChangeDestinationPageProps {
  page: PageContext;
  methodId: string;
  type: 'email' | 'sms' | 'voice';
  /** Where codes go now, masked. */
  current: string;
  /** What was typed, when the page comes back with an error. */
  value: string;
  country: string;
  countries: string[];
  error?: string | undefined;
}

/** The new address or number; codes keep going to the old one until a code proves the new (a29). */
export function ChangeDestinationPage(props: ChangeDestinationPageProps) {
  const { page, type } = props;
  const { t } = page;
  const email = type === 'email';
  return (
    <CardPage
      page={page}
      title={t(email ? 'change.title.email' : 'change.title.phone')}
      footer={cancel(page)}
    >
      <p class="card-text">{t('change.intro', { from: keepTogether(props.current) })}</p>
      {!email && (
        <Alert kind="info">
          <p>{t('codePage.risk')}</p>
        </Alert>
      )}
      <ErrorAlert error={props.error} />
      <PostForm action={changePath(props.methodId)} csrfToken={page.csrfToken} class="form">
        {email ? (
          <FormField
            name="address"
            type="email"
            label={t('change.email.label')}
            autocomplete="email"
            value={props.value}
            autofocus
          />
        ) : (
          <>
            <CountrySelect
              locale={page.locale}
              label={t('codePage.phone.country')}
              countries={props.countries}
              selected={props.country}
            />
            <FormField
              name="phone"
              type="tel"
              label={t('change.phone.label')}
              hint={t('codePage.phone.hint')}
              autocomplete="tel"
              value={props.value}
            />
          </>
        )}
        <Button wide>{t('codePage.send')}</Button>
      </PostForm>
    </CardPage>
  );
}

export interface ChangeCodePageProps {
  page: PageContext;
  methodId: string;
  type: 'email' | 'sms' | 'voice';
  /** The new destination, masked. */
  sentTo: string;
  waitSeconds: number;
  error?: string | undefined;
  sendError?: string | undefined;
}

/** The code sent to the new destination: only it switches the method. */
export function ChangeCodePage(props: ChangeCodePageProps) {
  const { page } = props;
  const { t } = page;
  const base = changePath(props.methodId);
  return (
    <CardPage page={page} title={t('change.confirm.title')} footer={cancel(page)}>
      <p class="card-text">
        {t(props.type === 'voice' ? 'codePage.calling' : 'codePage.sentTo', {
          to: keepTogether(props.sentTo),
        })}
      </p>
      <ErrorAlert error={props.sendError} />
      <PostForm action={`${base}/code`} csrfToken={page.csrfToken} class="form">
        <CodeField
          name="code"
          numeric
          label={t('codePage.code.label')}
          hint={t('codePage.code.hint')}
          error={props.error}
        />
        <Button wide>{t('change.confirm.submit')}</Button>
      </PostForm>
      <ResendForm page={page} action={`${base}/resend`} waitSeconds={props.waitSeconds} />
    </CardPage>
  );
}
