import type { DeviceOptions } from '../../../factors/factor.js';
import { assetUrl } from '../assets-route.js';
import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';

export const securityKeySetupPath = '/security/two-factor/setup/security-key';

/** Set-up, step 1: which kind of authenticator, and a name to tell keys apart. */
export function SecurityKeyIntroPage(props: { page: PageContext; error?: string | undefined }) {
  const { page } = props;
  const { t } = page;
  const kinds = [
    { value: 'cross-platform', label: t('webauthn.setup.kind.key') },
    { value: 'platform', label: t('webauthn.setup.kind.device') },
  ];
  return (
    <CardPage
      page={page}
      title={t('webauthn.setup.title')}
      footer={<a href="/security">{t('common.cancel')}</a>}
    >
      <p class="card-text">{t('webauthn.setup.intro')}</p>
      {props.error && (
        <Alert kind="error">
          <p>{props.error}</p>
        </Alert>
      )}
      <PostForm action={securityKeySetupPath} csrfToken={page.csrfToken} class="form">
        <fieldset class="field method-choice">
          <legend class="field-label">{t('webauthn.setup.kind')}</legend>
          {kinds.map((kind, index) => (
            <div class="choice">
              <input
                type="radio"
                name="attachment"
                value={kind.value}
                checked={index === 0 || undefined}
                class="choice-input"
                id={`attachment-${kind.value}`}
              />
              <label class="choice-label" for={`attachment-${kind.value}`}>
                {kind.label}
              </label>
            </div>
          ))}
        </fieldset>
        <FormField
          name="label"
          type="text"
          label={t('webauthn.setup.label')}
          hint={t('webauthn.setup.labelHint')}
          autocomplete="off"
          value={t('webauthn.setup.labelDefault')}
        />
        <Button wide>{t('webauthn.setup.continue')}</Button>
      </PostForm>
    </CardPage>
  );
}

/**
 * The ceremony itself: the button asks the browser to ask the key (webauthn.js), and the form
 * posts the key's answer. The options are the server's, in a data attribute: no inline script.
 */
export function SecurityKeyCeremony(props: {
  page: PageContext;
  ceremony: 'register' | 'authenticate';
  options: DeviceOptions;
  action: string;
  text: string;
  children?: unknown;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <>
      <p class="card-text">{props.text}</p>
      <div data-webauthn-failed hidden>
        <Alert kind="error">
          <p>{t('webauthn.touch.failed')}</p>
        </Alert>
      </div>
      <form
        method="post"
        action={props.action}
        class="form"
        data-webauthn={props.ceremony}
        data-options={JSON.stringify(props.options)}
        novalidate
      >
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <input type="hidden" name="answer" value="" />
        {props.children as never}
        <Button wide>{t('webauthn.touch.button')}</Button>
      </form>
      <noscript>
        <p class="card-note">{t('webauthn.touch.noScript')}</p>
      </noscript>
      <script src={assetUrl('simplewebauthn-browser.js')} defer />
      <script src={assetUrl('webauthn.js')} defer />
    </>
  );
}

/** Set-up, step 2: touch the new key. */
export function SecurityKeyTouchPage(props: { page: PageContext; methodId: string; options: DeviceOptions }) {
  const { page } = props;
  const { t } = page;
  return (
    <CardPage
      page={page}
      title={t('webauthn.touch.title')}
      footer={<a href="/security">{t('common.cancel')}</a>}
    >
      <SecurityKeyCeremony
        page={page}
        ceremony="register"
        options={props.options}
        action={`${securityKeySetupPath}/${encodeURIComponent(props.methodId)}`}
        text={t('webauthn.touch.setupText')}
      />
    </CardPage>
  );
}
