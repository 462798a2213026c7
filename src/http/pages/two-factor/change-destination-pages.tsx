import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { ErrorAlert } from '../components/error-alert.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';
import { CodeEntryPage, cancelToSecurity } from './code-entry-page.js';
import { keepTogether } from './keep-together.js';
import { PhoneFields } from './phone-fields.js';

export const changePath = (methodId: string) =>
  `/security/two-factor/methods/${encodeURIComponent(methodId)}/change`;

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

/** The new address or number; codes keep going to the old one until a code proves the new (T-CODE-5). */
export function ChangeDestinationPage(props: ChangeDestinationPageProps) {
  const { page, type } = props;
  const { t } = page;
  const email = type === 'email';
  return (
    <CardPage
      page={page}
      title={t(email ? 'change.title.email' : 'change.title.phone')}
      footer={cancelToSecurity(page)}
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
          <PhoneFields
            page={page}
            label={t('change.phone.label')}
            value={props.value}
            country={props.country}
            countries={props.countries}
          />
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
  const { page, methodId, ...rest } = props;
  return (
    <CodeEntryPage
      page={page}
      title={page.t('change.confirm.title')}
      submitLabel={page.t('change.confirm.submit')}
      base={changePath(methodId)}
      {...rest}
    />
  );
}
