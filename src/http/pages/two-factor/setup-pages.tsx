import { raw } from 'hono/html';
import { Alert } from '../components/alert.js';
import { Button, ButtonLink } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';
import { CodeField } from './code-field.js';
import { MethodChoice, type SetupChoice } from './method-choice.js';

/** Step 1: what 2FA is, the choice of method, which apps work, a name for an authenticator. */
export function SetupIntroPage(props: {
  page: PageContext;
  error?: string | undefined;
  /** The methods the user's policy allows; all when absent. */
  allowed?: readonly SetupChoice[] | undefined;
  /** Why set-up comes before anything else, when a policy requires it. */
  notice?: string | undefined;
}) {
  const { page } = props;
  const { t } = page;
  return (
    // Kept to set-up by a policy, there is nothing to cancel back to: signing out stays in the header.
    <CardPage
      page={page}
      title={t('setup.title')}
      footer={props.notice ? undefined : <a href="/security">{t('common.cancel')}</a>}
    >
      {props.notice && (
        <Alert kind="info">
          <p>{props.notice}</p>
        </Alert>
      )}
      <p class="card-text">{t('codePage.intro')}</p>
      {/* What only the authenticator needs is hidden by app.css while another method is chosen. */}
      <p class="card-text totp-only">{t('setup.apps')}</p>
      {props.error && (
        <Alert kind="error">
          <p>{props.error}</p>
        </Alert>
      )}
      <PostForm action="/security/two-factor/setup" csrfToken={page.csrfToken} class="form">
        <MethodChoice t={t} allowed={props.allowed} />
        <div class="totp-only">
          <FormField
            name="label"
            type="text"
            label={t('setup.label')}
            hint={t('setup.labelHint')}
            autocomplete="off"
            value={t('setup.labelDefault')}
          />
        </div>
        <Button wide>{t('setup.start')}</Button>
      </PostForm>
    </CardPage>
  );
}

export interface ScanPageProps {
  page: PageContext;
  methodId: string;
  account: string;
  qrSvg: string;
  /** The key in groups of four, for typing by hand. */
  typedKey: string;
  error?: string | undefined;
}

/** Step 2: scan the QR code or type the key, then prove it with the first code (T-TOTP-2). */
export function ScanPage(props: ScanPageProps) {
  const { page } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t('setup.scan.title')} footer={<a href="/security">{t('common.cancel')}</a>}>
      <ol class="steps">
        <li>{t('setup.scan.step1')}</li>
        <li>{t('setup.scan.step2')}</li>
      </ol>
      {/* Server-made SVG of our own otpauth:// URI: no script, no external image. */}
      <div class="qr">{raw(props.qrSvg)}</div>
      <details class="manual-key" open={Boolean(props.error) || undefined}>
        <summary>{t('setup.scan.manual')}</summary>
        <dl class="key-facts">
          <dt>{t('setup.scan.account')}</dt>
          <dd>{props.account}</dd>
          <dt>{t('setup.scan.key')}</dt>
          <dd>
            <code class="typed-key">{props.typedKey}</code>
          </dd>
        </dl>
        <p class="field-hint">{t('setup.scan.manualHint')}</p>
      </details>
      <h2 class="card-subtitle">{t('setup.scan.confirmTitle')}</h2>
      <PostForm
        action={`/security/two-factor/setup/${encodeURIComponent(props.methodId)}`}
        csrfToken={page.csrfToken}
        class="form"
      >
        <CodeField
          name="code"
          numeric
          label={t('step.totp.label')}
          hint={t('setup.scan.confirmHint')}
          error={props.error}
          autofocus={Boolean(props.error)}
        />
        <Button wide>{t('setup.scan.submit')}</Button>
      </PostForm>
      <p class="card-note">{t('setup.scan.expires')}</p>
    </CardPage>
  );
}

export function SetupExpiredPage(props: { page: PageContext }) {
  const { t } = props.page;
  return (
    <CardPage
      page={props.page}
      title={t('setup.title')}
      footer={<a href="/security">{t('common.backToSecurity')}</a>}
    >
      <Alert kind="info">
        <p>{t('setup.expired')}</p>
      </Alert>
      <ButtonLink href="/security/two-factor/setup">{t('setup.startAgain')}</ButtonLink>
    </CardPage>
  );
}
