import type { Context, Hono } from 'hono';
import { type PolicyInput, policyOfScope, setOrganizationPolicy } from '../../../app/policy/set-policy.js';
import { isDomainError } from '../../../core/errors.js';
import { isMethodType, methodTypes } from '../../../factors/registry.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { csrfRefused, renderMessage } from '../shared/message-page.js';
import { signedIn, toSignIn } from '../shared/page-context.js';
import { nextParam } from '../shared/safe-next.js';
import type { OrganizationPolicyForm } from './organization-policy-section.js';

const orgPath = (id: string) => `/organizations/${encodeURIComponent(id)}`;

/** The organization page's policy form: the stored policy and the outcome of the last save. */
export async function organizationPolicyForm(
  c: Context<HttpEnv>,
  organizationId: string,
): Promise<OrganizationPolicyForm> {
  const outcome = c.req.query('policy');
  return {
    organizationId,
    policy: await policyOfScope(c.get('deps'), organizationId),
    outcome: outcome === 'saved' || outcome === 'invalid' ? outcome : undefined,
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 64) : '');
const optionalNumber = (value: unknown) => {
  const written = text(value);
  return written === '' ? null : Number(written);
};

/** The form as policy input; the use case checks every value (numbers, date, zone, methods). */
function inputFrom(form: Record<string, string | File | (string | File)[]>): PolicyInput {
  const listed = [form.allowedMethods ?? []].flat().filter((m): m is string => typeof m === 'string');
  const methods = listed.filter(isMethodType);
  return {
    requiredFrom: text(form.requiredFrom) || null,
    timeZone: text(form.timeZone) || 'UTC',
    // Every method ticked is no restriction at all: a method added later is then allowed too.
    allowedMethods: methods.length === methodTypes.length ? null : methods,
    backupRequired: form.backupRequired === 'on',
    recoveryCodesCountAsBackup: form.recoveryCodesCountAsBackup === 'on',
    maxRememberDeviceDays: optionalNumber(form.maxRememberDeviceDays),
    sudoMinutes: optionalNumber(form.sudoMinutes),
  };
}

function refused(c: Context<HttpEnv>, status: 403 | 404) {
  return renderMessage(c, status, (t) => ({
    title: t(status === 404 ? 'org.notFound' : 'orgs.title'),
    kind: 'error',
    message: t(status === 404 ? 'error.not_found' : 'error.forbidden'),
    action: { href: '/organizations', label: t('org.back') },
  }));
}

/** Saving an organization's policy from its page: owners and admins, sudo, CSRF like every form. */
export function organizationPolicyRoutes(app: Hono<HttpEnv>): void {
  app.post('/organizations/:id/policy', async (c) => {
    const id = c.req.param('id');
    const back = orgPath(id);
    const form = await c.req.parseBody({ all: true });
    if (!validCsrf(c, typeof form._csrf === 'string' ? form._csrf : undefined)) return csrfRefused(c, back);
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, back);
    try {
      await setOrganizationPolicy(c.get('deps'), auth, {
        organizationId: id,
        policy: inputFrom(form),
        context: c.get('requestContext'),
      });
      return c.redirect(`${back}?policy=saved#policy-heading`, 303);
    } catch (error) {
      if (isDomainError(error, 'sudo_required'))
        return c.redirect(`/confirm-password?next=${nextParam(back)}`, 303);
      if (isDomainError(error, 'not_found')) return refused(c, 404);
      if (isDomainError(error, 'forbidden')) return refused(c, 403);
      if (isDomainError(error, 'invalid_input'))
        return c.redirect(`${back}?policy=invalid#policy-heading`, 303);
      throw error;
    }
  });
}
