import type { Hono } from 'hono';
import { consoleRoutes } from '../console/console-routes.js';
import type { HttpEnv } from '../env.js';
import { assetRoutes } from './assets-route.js';
import { changePasswordRoutes } from './change-password-routes.js';
import { confirmPasswordRoutes } from './confirm-password-routes.js';
import { organizationPageRoutes } from './organizations/organization-page-routes.js';
import { outboxPageRoute } from './outbox-page-route.js';
import { passwordResetRoutes } from './password-reset-routes.js';
import { organizationPolicyRoutes } from './policy/organization-policy-routes.js';
import { rememberedDeviceRoutes } from './remembered-devices-routes.js';
import { securityRoutes } from './security-routes.js';
import { sessionRoutes } from './session-routes.js';
import { signInRoutes } from './sign-in-routes.js';
import { signUpRoutes } from './sign-up-routes.js';
import { twoFactorPageRoutes } from './two-factor/two-factor-page-routes.js';
import { twoFactorResetRoutes } from './two-factor-reset/two-factor-reset-routes.js';
import { verifyEmailRoutes } from './verify-email-routes.js';

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
  verifyEmailRoutes(app);
}
