import type { Child } from 'hono/jsx';
import { assetUrl } from '../assets-route.js';
import { LanguageSwitcher } from '../components/language-switcher.js';
import { Logo } from '../components/logo.js';
import { PostForm } from '../components/post-form.js';
import { PolicyBanner } from '../policy/policy-banner.js';
import { PendingResetBanner } from '../two-factor-reset/pending-reset.js';
import type { PageContext } from './page-context.js';

export interface LayoutProps {
  page: PageContext;
  title: string;
  /** `narrow`: one centered card (sign-in and friends); `wide`: a content column (security). */
  width: 'narrow' | 'wide';
  children: Child;
}

/** The frame of every page: header, one main landmark, footer with the language switcher. */
export function Layout(props: LayoutProps) {
  const { page } = props;
  const { t } = page;
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} – ${t('app.name')}`}</title>
        <link rel="icon" href={assetUrl('icon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('app.js')} defer />
      </head>
      <body class={`page page-${props.width}`}>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="brand" href="/">
              <Logo />
              <span class="brand-name">{t('app.name')}</span>
            </a>
            {page.email && <AccountMenu page={page} email={page.email} />}
          </div>
        </header>
        <main id="main" class="main" tabindex={-1}>
          {page.pendingTwoFactorResetAt && (
            <PendingResetBanner page={page} at={page.pendingTwoFactorResetAt} />
          )}
          <PolicyBanner page={page} />
          {props.width === 'narrow' ? <div class="card">{props.children}</div> : props.children}
        </main>
        <footer class="site-footer">
          <div class="site-footer-inner">
            <LanguageSwitcher page={page} />
            <p class="footer-note">{t('layout.footerNote')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function AccountMenu(props: { page: PageContext; email: string }) {
  const { t, csrfToken } = props.page;
  return (
    <div class="account-menu">
      {props.page.staff && (
        <a class="account-email account-link" href="/console">
          {t('console.title')}
        </a>
      )}
      <a class="account-email account-link" href="/organizations">
        {t('orgs.nav')}
      </a>
      <a class="account-email" href="/security">
        <span class="visually-hidden">{t('layout.signedInAs')} </span>
        {props.email}
      </a>
      <PostForm action="/sign-out" csrfToken={csrfToken} class="sign-out-form">
        <button type="submit" class="button button-quiet button-small">
          {t('layout.signOut')}
        </button>
      </PostForm>
    </div>
  );
}
