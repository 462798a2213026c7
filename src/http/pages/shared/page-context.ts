import type { Context } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Translate } from '../../../i18n/translate.js';
import type { HttpEnv } from '../../env.js';
import type { PolicyBannerInfo } from '../policy/policy-banner-info.js';
import { nextParam } from './safe-next.js';

/** What every page needs to draw its frame: words, language, the form token and who is signed in. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  csrfToken: string;
  /** This page's path and query, so the language switcher can come back to it. */
  path: string;
  /** Only a fully signed-in user; a session still owing its second factor shows nobody. */
  email: string | null;
  now: Date;
  /** When a support reset of this user's 2FA takes effect, if one waits: every page warns. */
  pendingTwoFactorResetAt?: Date | null;
  /** Whether the signed-in user is staff: the header then links to the support console. */
  staff?: boolean;
  /** The 2FA deadline banner, when the user has one ahead and no 2FA yet. */
  policyBanner?: PolicyBannerInfo | undefined;
}

export function pageContext(c: Context<HttpEnv>): PageContext {
  const url = new URL(c.req.url);
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    csrfToken: c.get('csrfToken'),
    path: url.pathname + url.search,
    email: signedIn(c)?.user.email ?? null,
    now: c.get('deps').clock.now(),
    pendingTwoFactorResetAt: c.get('pendingTwoFactorResetAt') ?? null,
    staff: Boolean(signedIn(c)?.user.staffRole),
    policyBanner: c.get('policyBanner'),
  };
}

/** The signed-in user, or null: a pending second-factor session counts as no session (T-LOGIN-1). */
export function signedIn(c: Context<HttpEnv>): Authenticated | null {
  const auth = c.get('auth');
  // A set-up-only session reaches no page but set-up: the set-up gate sends it there first.
  return auth?.session.state === 'signed_in' || auth?.session.state === 'two_factor_setup' ? auth : null;
}

/** Sends the visitor to sign in first, and back to `back` afterwards. */
export function toSignIn(c: Context<HttpEnv>, back: string) {
  return c.redirect(`/sign-in?next=${nextParam(back)}`, 303);
}
