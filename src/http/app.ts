import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import type { AppDeps } from '../app/deps.js';
import { isDomainError } from '../core/errors.js';
import { accountRoutes } from './api/v1/account-routes.js';
import { adminReportRoutes } from './api/v1/admin-report-routes.js';
import { adminUserRoutes } from './api/v1/admin-user-routes.js';
import { destinationChangeRoutes } from './api/v1/destination-change-routes.js';
import { meRoutes } from './api/v1/me-routes.js';
import { organizationRoutes } from './api/v1/organization-routes.js';
import { policyRoutes } from './api/v1/policy-routes.js';
import { rememberedDeviceRoutes } from './api/v1/remembered-device-routes.js';
import { secondFactorRoutes } from './api/v1/second-factor-routes.js';
import { sessionRoutes } from './api/v1/session-routes.js';
import { twoFactorResetRoutes } from './api/v1/two-factor-reset-routes.js';
import { twoFactorRoutes } from './api/v1/two-factor-routes.js';
import type { HttpEnv, HttpSettings } from './env.js';
import { forwardAuthRoutes } from './forward-auth/verify-route.js';
import { bodySizeLimit } from './middleware/body-size.js';
import { csrfCookie } from './middleware/csrf.js';
import {
  evenAnswerTime,
  resetRequestAnswerFloorMs,
  signUpAnswerFloorMs,
} from './middleware/even-answer-time.js';
import { jsonBodyOnly } from './middleware/json-body.js';
import { originCheck } from './middleware/origin-check.js';
import { policyBannerLoader } from './middleware/policy-banner-loader.js';
import { requestContext } from './middleware/request-context.js';
import { securityHeaders } from './middleware/security-headers.js';
import { sessionLoader } from './middleware/session.js';
import { twoFactorSetupGate } from './middleware/two-factor-setup-gate.js';
import { healthRoutes } from './ops/health-routes.js';
import type { Metrics } from './ops/metrics.js';
import { outboxJsonRoute } from './ops/outbox-routes.js';
import { requestLog } from './ops/request-log.js';
import { isStoreUnavailable, storeUnavailable } from './ops/store-unavailable.js';
import { pageRoutes } from './pages/page-routes.js';
import { pendingResetLoader } from './pages/two-factor-reset/pending-reset.js';
import { problem } from './problem.js';

export interface CreateAppOptions {
  deps: AppDeps;
  http: HttpSettings;
  logger: Logger;
  metrics: Metrics;
}

/** The one place routes and middleware are put together. Tests call `app.request()` on it. */
export function createApp({ deps, http, logger, metrics }: CreateAppOptions) {
  const app = new Hono<HttpEnv>();

  app.use(metrics.middleware, requestLog(logger), securityHeaders({ secure: http.secure }));
  app.use(async function injectDependencies(c, next) {
    c.set('deps', deps);
    c.set('http', http);
    await next();
  });
  forwardAuthRoutes(app);
  app.use(requestContext(logger), originCheck(), csrfCookie(), sessionLoader(), pendingResetLoader());
  app.use(twoFactorSetupGate(), policyBannerLoader());
  // Every body we accept is small: a megabyte of JSON is refused before it is parsed.
  app.use(bodySizeLimit(64 * 1024));
  if (http.evenAnswers) {
    for (const path of ['/api/v1/accounts', '/sign-up']) app.use(path, evenAnswerTime(signUpAnswerFloorMs));
    for (const path of ['/api/v1/password-reset', '/forgot-password'])
      app.use(path, evenAnswerTime(resetRequestAnswerFloorMs));
  }

  app.onError((error, c) => {
    const locale = c.get('locale') ?? 'en';
    if (isDomainError(error)) {
      return problem(c, locale, { code: error.code, retryAfterSeconds: error.retryAfterSeconds });
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problem(c, locale, { code: 'invalid_input', status: 400, detail: error.message });
    }
    if (isStoreUnavailable(error)) {
      logger.warn({ err: { name: error.name, message: error.message } }, 'database unavailable');
      return storeUnavailable(c);
    }
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack } },
      'unhandled error',
    );
    return c.json(
      { type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal' },
      500,
      {
        'content-type': 'application/problem+json',
      },
    );
  });

  healthRoutes(app, metrics.registry, http.metricsToken);
  if (http.devOutbox) outboxJsonRoute(app);
  app.use('/api/v1/*', jsonBodyOnly());
  app.route('/api/v1', apiV1());
  pageRoutes(app);
  app.notFound((c) => problem(c, c.get('locale') ?? 'en', { code: 'not_found' }));
  return app;
}

function apiV1() {
  const api = new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      return problem(c, c.get('locale'), {
        code: 'invalid_input',
        errors: result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
      });
    },
  });
  accountRoutes(api);
  sessionRoutes(api);
  secondFactorRoutes(api);
  meRoutes(api);
  twoFactorRoutes(api);
  adminUserRoutes(api);
  twoFactorResetRoutes(api);
  destinationChangeRoutes(api);
  organizationRoutes(api);
  policyRoutes(api);
  rememberedDeviceRoutes(api);
  adminReportRoutes(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Twostep account API',
      version: '1.0.0',
      description: 'Sign-in, sessions and two-factor authentication. Errors are application/problem+json.',
    },
  });
  return api;
}
