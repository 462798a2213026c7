import type { Hono } from 'hono';
import { consoleRoutes } from '../console/console-routes.js';
import type { HttpEnv } from '../env.js';
import { changePasswordRoutes } from './account/change-password-routes.js';
import { passwordResetRoutes } from './account/password-reset-routes.js';
import { sessionRoutes } from './account/session-routes.js';
import { signInRoutes } from './account/sign-in-routes.js';
import { signUpRoutes } from './account/sign-up-routes.js';
import { verifyEmailRoutes } from './account/verify-email-routes.js';
import { assetRoutes } from './assets-route.js';
import { outboxPageRoute } from './dev/outbox-page-route.js';
import { organizationPageRoutes } from './organizations/organization-page-routes.js';
import { organizationPolicyRoutes } from './policy/organization-policy-routes.js';
import { confirmPasswordRoutes } from './security/confirm-password-routes.js';
import { rememberedDeviceRoutes } from './security/remembered-devices-routes.js';
import { securityRoutes } from './security/security-routes.js';
import { twoFactorPageRoutes } from './two-factor/two-factor-page-routes.js';
import { unlockPageRoutes } from './two-factor/unlock-routes.js';
import { twoFactorResetRoutes } from './two-factor-reset/two-factor-reset-routes.js';

/** Server-rendered pages: plain HTML forms that work without JavaScript. */
export function pageRoutes(app: Hono<HttpEnv>): void {
  assetRoutes(app);
  sessionRoutes(app);
  signInRoutes(app);
  signUpRoutes(app);
  securityRoutes(app);
  rememberedDeviceRoutes(app);
  confirmPasswordRoutes(app);
  changePasswordRoutes(app);
  passwordResetRoutes(app);
  outboxPageRoute(app);
  twoFactorPageRoutes(app);
  organizationPageRoutes(app);
  organizationPolicyRoutes(app);
  consoleRoutes(app);
  twoFactorResetRoutes(app);
  unlockPageRoutes(app);
  verifyEmailRoutes(app);
}
