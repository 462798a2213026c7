import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { FormField } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../page-context.js';
import { CodeField } from './code-field.js';

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
 * current code: a stolen session and password alone cannot switch 2FA off (SECURITY.md a58).
 */
export function RemoveMethodPage(props: {
  page: PageContext;
  methodId: string;
  label: string;
  last: boolean;
  error?: string | undefined;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <CardPage
      page={page}
      title={t('methods.removeTitle', { method: props.label })}
      footer={<a href="/security">{t('common.cancel')}</a>}
    >
      <p class="card-text">{props.last ? t('methods.removeLastText') : t('methods.removeText')}</p>
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
            label={t('methods.removeLastLabel')}
            hint={t('step.totp.hint')}
            error={props.error}
          />
        )}
        <Button variant="danger" wide>
          {props.last ? t('methods.removeOffConfirm') : t('methods.removeConfirm')}
        </Button>
      </PostForm>
    </CardPage>
  );
}
