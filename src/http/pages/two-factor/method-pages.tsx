import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';
import { CodeField } from './code-field.js';
import { keepTogether } from './keep-together.js';
import { ResendForm } from './resend-form.js';

const methodPath = (id: string) => `/security/two-factor/methods/${encodeURIComponent(id)}`;

export function RenameMethodPage(props: { page: PageContext; methodId: string; label: string }) {
  const { page } = props;
  const { t } = page;
  return (
    <CardPage
      page={page}
      title={t('methods.renameTitle')}
      footer={<a href="/security">{t('common.cancel')}</a>}
    >
      <PostForm action={`${methodPath(props.methodId)}/rename`} csrfToken={page.csrfToken} class="form">
        <FormField
          name="label"
          type="text"
          label={t('setup.label')}
          hint={t('setup.labelHint')}
          autocomplete="off"
          value={props.label}
          autofocus
        />
        <Button wide>{t('methods.save')}</Button>
      </PostForm>
    </CardPage>
  );
}

/**
 * Removing a method asks once more. Removing the last one turns 2FA off, so it also asks for a
 * current code: a stolen session and password alone cannot switch 2FA off (T-SESSION-7).
 */
export function RemoveMethodPage(props: {
  page: PageContext;
  methodId: string;
  label: string;
  last: boolean;
  error?: string | undefined;
  /** The last method sends codes: it is proved with a code sent for turning off. */
  codeProof?: CodeProof | undefined;
}) {
  const { page, codeProof } = props;
  const { t } = page;
  const proof = props.last ? codeProof : undefined;
  return (
    <CardPage
      page={page}
      title={t('methods.removeTitle', { method: props.label })}
      footer={<a href="/security">{t('common.cancel')}</a>}
    >
      <p class="card-text">
        {proof
          ? t('remove.lastCodeText')
          : props.last
            ? t('methods.removeLastText')
            : t('methods.removeText')}
      </p>
      {proof && <SendProofCode page={page} methodId={props.methodId} proof={proof} />}
      {props.error && !props.last && (
        <Alert kind="error">
          <p>{props.error}</p>
        </Alert>
      )}
      <PostForm action={`${methodPath(props.methodId)}/remove`} csrfToken={page.csrfToken} class="form">
        {props.last && (
          <CodeField
            name="code"
            numeric={false}
            label={proof ? t('remove.codeLabel') : t('methods.removeLastLabel')}
            hint={proof ? t('remove.codeOr') : t('step.totp.hint')}
            error={props.error}
            autofocus={!proof || proof.sent}
          />
        )}
        <Button variant="danger" wide>
          {props.last ? t('methods.removeOffConfirm') : t('methods.removeConfirm')}
        </Button>
      </PostForm>
      {proof?.sent && (
        <ResendForm
          page={page}
          action={`${methodPath(props.methodId)}/remove/send`}
          waitSeconds={proof.waitSeconds}
        />
      )}
    </CardPage>
  );
}

export interface CodeProof {
  type: 'email' | 'sms' | 'voice';
  /** The method's destination, masked. */
  sentTo: string;
  /** Whether this session has a live code for turning off. */
  sent: boolean;
  waitSeconds: number;
  sendError?: string | undefined;
}

/** "Send code" for a user whose last method sends codes (T-SESSION-7), or what was sent. */
function SendProofCode(props: { page: PageContext; methodId: string; proof: CodeProof }) {
  const { page, proof } = props;
  const { t } = page;
  const sentText = t(proof.type === 'voice' ? 'codePage.calling' : 'codePage.sentTo', {
    to: keepTogether(proof.sentTo),
  });
  return (
    <>
      {proof.sendError && (
        <Alert kind="error">
          <p>{proof.sendError}</p>
        </Alert>
      )}
      {proof.sent ? (
        <p class="card-text">{sentText}</p>
      ) : (
        <PostForm
          action={`${methodPath(props.methodId)}/remove/send`}
          csrfToken={page.csrfToken}
          class="form send-proof"
        >
          <p class="card-text">{t('remove.codeIntro', { to: keepTogether(proof.sentTo) })}</p>
          <Button variant="secondary" wide>
            {t('codePage.send')}
          </Button>
        </PostForm>
      )}
    </>
  );
}
