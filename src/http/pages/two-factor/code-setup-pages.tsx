import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { ErrorAlert } from '../components/error-alert.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';
import { CodeEntryPage, cancelToSecurity } from './code-entry-page.js';
import { PhoneFields } from './phone-fields.js';

export const setupPath = '/security/two-factor/setup';

/** E-mail: the address to send codes to, the account's own to begin with. */
export function EmailSetupPage(props: { page: PageContext; address: string; error?: string | undefined }) {
  const { page } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t('codePage.email.title')} footer={cancelToSecurity(page)}>
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

/** SMS or call: the number and its country, and why an app is safer (phone codes can be intercepted). */
export function PhoneSetupPage(props: PhoneSetupPageProps) {
  const { page, type } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t(`codePage.phone.title.${type}`)} footer={cancelToSecurity(page)}>
      <p class="card-text">{t(`codePage.phone.intro.${type}`)}</p>
      <Alert kind="info">
        <p>{t('codePage.risk')}</p>
      </Alert>
      <ErrorAlert error={props.error} />
      <PostForm action={`${setupPath}/phone?type=${type}`} csrfToken={page.csrfToken} class="form">
        <PhoneFields
          page={page}
          label={t('codePage.phone.label')}
          value={props.phone}
          country={props.country}
          countries={props.countries}
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

/** The first code proves the address or number reaches the user, and turns the method on. */
export function CodeConfirmPage(props: CodeConfirmPageProps) {
  const { page, methodId, ...rest } = props;
  return (
    <CodeEntryPage
      page={page}
      title={page.t('codePage.confirm.title')}
      submitLabel={page.t('codePage.verify')}
      base={`${setupPath}/${encodeURIComponent(methodId)}`}
      {...rest}
    />
  );
}
