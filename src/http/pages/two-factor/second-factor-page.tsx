import type { MethodSummary } from '../../../app/two-factor/two-factor-status.js';
import type { DeviceOptions } from '../../../factors/factor.js';
import { sendsCodes, signsOnDevice } from '../../../factors/registry.js';
import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';
import { nextParam } from '../shared/safe-next.js';
import { formatDateTime } from '../shared/time-format.js';
import { CodeField } from './code-field.js';
import { CodeStep } from './code-step.js';
import type { CodeStepState } from './code-step-state.js';
import { keepTogether } from './keep-together.js';
import { RememberDeviceField, type RememberOffer } from './remember-device-field.js';
import { SecurityKeyCeremony } from './security-key-pages.js';

export interface SecondFactorPageProps {
  page: PageContext;
  /** The method asked for now: the primary one unless the user chose another. */
  method: MethodSummary;
  /** The others, for "Use another method"; recovery codes come last. */
  others: MethodSummary[];
  next: string | undefined;
  /** Set for an e-mail, SMS or voice method: what was sent, and when another may be. */
  codeStep?: CodeStepState | undefined;
  /** Set for a security key: the options its browser asks it with. */
  securityKey?: { options: DeviceOptions } | undefined;
  error?: string | undefined;
  /** "Don't ask again on this device"; absent when the period is 0. */
  remember?: RememberOffer | undefined;
  /** When a support reset of this account's 2FA takes effect, while one waits. */
  pendingResetAt?: Date | null | undefined;
}

/** A sent-code method says how it reaches the user, in the reader's language, beside its name. */
function otherMethodText(t: PageContext['t'], method: MethodSummary): string {
  if (method.type === 'recovery_code') return t('step.useRecovery');
  if (signsOnDevice(method.type)) return t('webauthn.other', { name: keepTogether(method.label) });
  if (sendsCodes(method.type))
    return t(`codePage.other.${method.type as 'email'}`, { to: keepTogether(method.label) });
  return method.label;
}

const query = (methodId: string, next: string | undefined) =>
  `?method=${encodeURIComponent(methodId)}${next ? `&next=${nextParam(next)}` : ''}`;

/** The second step of sign-in: the proof the chosen method asks for, and links to the user's others. */
export function SecondFactorPage(props: SecondFactorPageProps) {
  const { page, method, others } = props;
  const { t } = page;
  return (
    <CardPage page={page} title={t('step.title')}>
      {props.pendingResetAt && (
        <Alert kind="info">
          <p>{t('twoFactorReset.signIn', { time: formatDateTime(page.locale, props.pendingResetAt) })}</p>
        </Alert>
      )}
      {props.error && (
        <Alert kind="error">
          <p>{props.error}</p>
        </Alert>
      )}
      {props.securityKey ? (
        <SecurityKeyCeremony
          page={page}
          ceremony="authenticate"
          options={props.securityKey.options}
          action={`/sign-in/second-factor${query(method.id, props.next)}`}
          text={t('webauthn.touch.signInText')}
        >
          <RememberDeviceField page={page} offer={props.remember} />
        </SecurityKeyCeremony>
      ) : props.codeStep ? (
        <CodeStep
          page={page}
          state={props.codeStep}
          query={query(method.id, props.next)}
          error={props.error}
          remember={props.remember}
        />
      ) : (
        <AppOrRecoveryStep {...props} />
      )}
      {others.length > 0 && (
        <nav class="other-methods" aria-label={t('step.useAnother')}>
          <p class="other-methods-title">{t('step.useAnother')}</p>
          <ul class="other-methods-list">
            {others.map((other) => (
              <li>
                <a href={`/sign-in/second-factor${query(other.id, props.next)}`}>
                  {otherMethodText(t, other)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p class="card-note">{t('step.lostAccess')}</p>
      <PostForm action="/sign-out" csrfToken={page.csrfToken} class="card-footer">
        <button type="submit" class="link-button">
          {t('step.startOver')}
        </button>
      </PostForm>
    </CardPage>
  );
}

/** The code from the app, or a recovery code; the intro said above the form says which. */
function AppOrRecoveryStep(props: SecondFactorPageProps) {
  const { page, method } = props;
  const { t } = page;
  const recovery = method.type === 'recovery_code';
  return (
    <>
      <p class="card-text">
        {recovery ? t('step.recovery.intro') : t('step.totp.intro', { app: t('app.name') })}
      </p>
      <PostForm
        action={`/sign-in/second-factor${query(method.id, props.next)}`}
        csrfToken={page.csrfToken}
        class="form"
      >
        <CodeField
          name="code"
          numeric={!recovery}
          label={recovery ? t('step.recovery.label') : t('step.totp.label')}
          hint={recovery ? t('step.recovery.hint') : t('step.totp.hint')}
          error={props.error}
        />
        <RememberDeviceField page={page} offer={props.remember} />
        <Button wide>{t('step.submit')}</Button>
      </PostForm>
    </>
  );
}
