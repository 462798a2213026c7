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

export const setupPath = '/security/two-factor/setup';

const cancel = (page: PageContext) => <a href="/security">{page.t('common.cancel')}</a>;

function ErrorAlert(props: { error: string | undefined }) {
  if (!props.error) return null;
  return (
    <Alert kind="error">
      <p>{props.error}</p>
    </Alert>
  );
}

/** Seed 001, e-mail: the address to send codes to, the account's own to begin with. */
export function EmailSetupPage(props: { page: PageContext; address: string; error?: string | undefined }) {
  const { page } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t('codePage.email.title')} footer={cancel(page)}>
      <p class="card-text">{t('codePage.email.intro')}</p>
      <ErrorAlert error={props.error} />
      <PostForm action={`${setupPath}/email`} csrfToken={page.csrfToken} class="form">
        <FormField
          name="address"
          type="email"
          label={t('codePage.email.label')}
          autocomplete="email"
          value={props.address}
        />
        <Button wide>{t('codePage.send')}</Button>
      </PostForm>
    </CardPage>
  );
}

export interface PhoneSetupPageProps {
  page: PageContext;
  type: 'sms' | 'voice';
  phone: string;
  country: string;
  countries: string[];
  error?: string | undefined;
}

/** Seed 001, SMS or call: the number and its country, and why an app is the safer choice (a28). */
export function PhoneSetupPage(props: PhoneSetupPageProps) {
  const { page, type } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t(`codePage.phone.title.${type}`)} footer={cancel(page)}>
      <p class="card-text">{t(`codePage.phone.intro.${type}`)}</p>
      <Alert kind="info">
        <p>{t('codePage.risk')}</p>
      </Alert>
      <ErrorAlert error={props.error} />
      <PostForm action={`${setupPath}/phone?type=${type}`} csrfToken={page.csrfToken} class="form">
        <CountrySelect
          locale={page.locale}
          label={t('codePage.phone.country')}
          countries={props.countries}
          selected={props.country}
        />
        <FormField
          name="phone"
          type="tel"
          label={t('codePage.phone.label')}
          hint={t('codePage.phone.hint')}
          autocomplete="tel"
          value={props.phone}
        />
        <Button wide>{t('codePage.send')}</Button>
      </PostForm>
    </CardPage>
  );
}

export interface CodeConfirmPageProps {
  page: PageContext;
  methodId: string;
  type: string;
  /** The destination as it may be shown: masked. */
  sentTo: string;
  waitSeconds: number;
  /** About the code typed in. */
  error?: string | undefined;
  /** About sending a new one. */
  sendError?: string | undefined;
}

/** The first code proves the address or number reaches the user (seed 000's "enter the code"). */
export function CodeConfirmPage(props: CodeConfirmPageProps) {
  const { page } = props;
  const { t } = page;
  const base = `${setupPath}/${encodeURIComponent(props.methodId)}`;
  return (
    <CardPage page={page} title={t('codePage.confirm.title')} footer={cancel(page)}>
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
        <Button wide>{t('codePage.verify')}</Button>
      </PostForm>
      <ResendForm page={page} action={`${base}/resend`} waitSeconds={props.waitSeconds} />
    </CardPage>
  );
}
