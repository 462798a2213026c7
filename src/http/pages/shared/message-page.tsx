import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Translate } from '../../../i18n/translate.js';
import type { HttpEnv } from '../../env.js';
import { Alert } from '../components/alert.js';
import { ButtonLink } from '../components/button.js';
import { CardPage } from '../components/card-page.js';
import { type PageContext, pageContext } from './page-context.js';
import { renderPage } from './render-page.js';

export interface MessagePageProps {
  page: PageContext;
  title: string;
  kind: 'error' | 'success' | 'info';
  message: string;
  detail?: string | undefined;
  action: { href: string; label: string };
}

/** A page that only says one thing and offers the way on: "check your e-mail", "link expired". */
export function MessagePage(props: MessagePageProps) {
  return (
    <CardPage page={props.page} title={props.title}>
      <Alert kind={props.kind}>
        <p>{props.message}</p>
      </Alert>
      {props.detail && <p class="card-text">{props.detail}</p>}
      <div class="actions">
        <ButtonLink href={props.action.href} variant="secondary">
          {props.action.label}
        </ButtonLink>
      </div>
    </CardPage>
  );
}

/** What a MessagePage says, apart from the page context. */
export type MessageTexts = Omit<MessagePageProps, 'page'>;

/**
 * Answers with a MessagePage whose texts are picked with this request's translator; `page` is the
 * request's own unless a caller needs another (a different path to come back to).
 */
export function renderMessage(
  c: Context<HttpEnv>,
  status: ContentfulStatusCode,
  texts: (t: Translate) => MessageTexts,
  page: PageContext = pageContext(c),
) {
  return renderPage(c, <MessagePage page={page} {...texts(page.t)} />, status);
}

/**
 * The answer to a form whose CSRF token is missing or wrong: nothing was changed, and the way back
 * is the page the form lives on, fetched fresh (with a fresh token). `back` defaults to this path,
 * for forms that post back to their own page.
 */
export function csrfRefused(c: Context<HttpEnv>, back?: string) {
  const page = { ...pageContext(c), ...(back ? { path: back } : {}) };
  return renderMessage(
    c,
    403,
    (t) => ({
      title: t('forbidden.title'),
      kind: 'error',
      message: t('error.csrf_failed'),
      action: { href: page.path, label: t('forbidden.reload') },
    }),
    page,
  );
}
