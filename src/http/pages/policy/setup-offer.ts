import type { Context } from 'hono';
import { effectivePolicyFor } from '../../../app/policy/effective-policy.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { isMethodAllowed } from '../../../core/policy/policy-rules.js';
import { formatDeadline } from '../../../i18n/format-deadline.js';
import type { HttpEnv } from '../../env.js';
import { type SetupChoice, setupChoices } from '../two-factor/method-choice.js';

/**
 * What the set-up page offers this user: only the methods their policy allows (T-CODE-7), and, for a
 * session kept to set-up by the policy, the sentence that says why they are here.
 */
export async function setupOffer(
  c: Context<HttpEnv>,
  auth: Authenticated,
): Promise<{ allowed: SetupChoice[]; notice?: string }> {
  const policy = await effectivePolicyFor(c.get('deps'), auth.user.id);
  const allowed = setupChoices.filter((choice) => isMethodAllowed(policy, choice));
  const required = policy.requiredFrom;
  if (auth.session.state !== 'two_factor_setup' || !required) return { allowed };
  const t = c.get('t');
  const [by] = required.by;
  return {
    allowed,
    notice: t('policy.setup.required', {
      by: by?.scope === 'organization' ? by.name : t('app.name'),
      date: formatDeadline(c.get('locale'), required.value, required.timeZone),
    }),
  };
}
