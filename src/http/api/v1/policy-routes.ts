import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { effectivePolicyFor } from '../../../app/policy/effective-policy.js';
import { organizationPolicyFor, setOrganizationPolicy } from '../../../app/policy/set-policy.js';
import type { HttpEnv } from '../../env.js';
import { requireSignedIn } from '../../guards.js';
import { jsonAnswer, jsonBody, problems, z } from './openapi-helpers.js';
import { OrganizationIdParam } from './organization-schemas.js';
import {
  EffectivePolicyAnswer,
  effectivePolicyJson,
  PolicyBody,
  StoredPolicyAnswer,
  storedPolicyJson,
} from './policy-schemas.js';

/**
 * Two-factor policies: the one that applies to the signed-in user and why, and an organization's
 * own, which its owners and admins set (sudo). Outsiders get 404, as for an unknown organization.
 */
export function policyRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/me/policy',
      summary:
        'The policy that applies to the signed-in user: the strictest of every scope, each rule with its source',
      responses: { 200: jsonAnswer(EffectivePolicyAnswer, 'The effective policy'), ...problems(401) },
    }),
    async (c) => {
      const auth = requireSignedIn(c);
      return c.json(effectivePolicyJson(await effectivePolicyFor(c.get('deps'), auth.user.id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/organizations/{id}/policy',
      summary: "An organization's own policy; null when it has none",
      request: { params: OrganizationIdParam },
      responses: {
        200: jsonAnswer(z.object({ policy: StoredPolicyAnswer.nullable() }), 'The policy'),
        ...problems(401, 404),
      },
    }),
    async (c) => {
      const policy = await organizationPolicyFor(c.get('deps'), requireSignedIn(c), c.req.valid('param').id);
      return c.json({ policy: policy ? storedPolicyJson(policy) : null }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/organizations/{id}/policy',
      summary:
        "Set an organization's policy (owners and admins, sudo); the deadline is a local time in `timeZone`",
      request: { params: OrganizationIdParam, ...jsonBody(PolicyBody) },
      responses: {
        200: jsonAnswer(StoredPolicyAnswer, 'Saved'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const saved = await setOrganizationPolicy(c.get('deps'), requireSignedIn(c), {
        organizationId: c.req.valid('param').id,
        policy: c.req.valid('json'),
        context: c.get('requestContext'),
      });
      return c.json(storedPolicyJson(saved), 200);
    },
  );
}
