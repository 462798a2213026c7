import type { Hono } from 'hono';
import type { HttpEnv } from '../../env.js';
import { changeDestinationRoutes } from './change-destination-routes.js';
import { codeSetupRoutes } from './code-setup-routes.js';
import { methodRoutes } from './method-routes.js';
import { removeCodeProofRoute } from './remove-code-proof.js';
import { secondFactorPageRoutes } from './second-factor-routes.js';
import { secondFactorSendRoute } from './second-factor-send-route.js';
import { securityKeySetupRoutes } from './security-key-setup-routes.js';
import { setupRoutes } from './setup-routes.js';

/** Every page of the second step and of 2FA set-up and management. */
export function twoFactorPageRoutes(app: Hono<HttpEnv>): void {
  secondFactorPageRoutes(app);
  secondFactorSendRoute(app);
  // Before setupRoutes: its /setup/:id would otherwise take /setup/email, /phone and /security-key.
  codeSetupRoutes(app);
  securityKeySetupRoutes(app);
  setupRoutes(app);
  methodRoutes(app);
  changeDestinationRoutes(app);
  removeCodeProofRoute(app);
}
