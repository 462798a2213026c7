import type { AppDeps } from '../app/deps.js';
import type { Authenticated } from '../app/sessions/authenticate.js';
import type { AccessRule } from '../core/forward-auth/access-rules.js';
import type { RequestContext } from '../core/types.js';
import type { Locale } from '../i18n/locales.js';
import type { Translate } from '../i18n/translate.js';
import type { PolicyBannerInfo } from './pages/policy/policy-banner-info.js';

/** What the HTTP layer knows besides the use-case dependencies. */
export interface HttpSettings {
  publicUrl: string;
  /** Secure cookies, `__Host-` prefix and HSTS when the public URL is https. */
  secure: boolean;
  trustedProxies: string[];
  /** Host the session cookie is shared with, subdomains included; null: this host only. */
  cookieDomain: string | null;
  /** Hosts sign-in may send back to, and who may pass GET /auth/verify to which site. */
  forwardAuth: { domains: readonly string[]; rules: readonly AccessRule[] };
  devOutbox: boolean;
  /** Pads sign-up and reset-request answers to a floor (see middleware/even-answer-time.ts). */
  evenAnswers: boolean;
  /** Opens /metrics on the main port to this bearer token; null: not served there. */
  metricsToken: string | null;
  /** HMAC key for form CSRF tokens, derived from the master secret. */
  csrfKey: Uint8Array;
}

/** Per-request values the middleware put on the Hono context. */
export interface HttpEnv {
  Variables: {
    deps: AppDeps;
    http: HttpSettings;
    auth: Authenticated | null;
    locale: Locale;
    t: Translate;
    requestContext: RequestContext;
    /** Token for hidden `_csrf` fields of this browser. */
    csrfToken: string;
    /** The session cookie's raw token, when one came with the request. */
    sessionToken: string | undefined;
    /** Set on signed-in pages before a 2FA deadline the user has not met yet. */
    policyBanner: PolicyBannerInfo | undefined;
    /** When a support reset of the signed-in user's 2FA takes effect, if one waits (pages only). */
    pendingTwoFactorResetAt: Date | null;
  };
}
