import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { removeMethod, renameMethod, setPrimaryMethod } from '../../../app/two-factor/manage-methods.js';
import { ownActiveMethods } from '../../../app/two-factor/own-two-factor.js';
import { regenerateRecoveryCodes } from '../../../app/two-factor/recovery-codes.js';
import { isDomainError } from '../../../core/errors.js';
import { sendsCodes } from '../../../factors/registry.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { readForm } from '../form-body.js';
import { csrfRefused } from '../message-page.js';
import { pageContext } from '../page-context.js';
import { policyRefusal } from '../policy/policy-refusal.js';
import { renderPage } from '../render-page.js';
import { RemoveMethodPage, RenameMethodPage } from './method-pages.js';
import { sudoOrRedirect } from './page-guards.js';
import { RecoveryCodesPage } from './recovery-codes-page.js';
import { codeProofOf, sentCodeType } from './remove-code-proof.js';

const base = '/security/two-factor/methods/:id';

/** This user's active method by the id in the path, and whether it is their last one. */
async function ownMethod(c: Context<HttpEnv>, auth: Authenticated) {
  const methods = await ownActiveMethods(c.get('deps'), auth);
  const method = methods.find((m) => m.id === c.req.param('id'));
  return method ? { method, last: methods.length === 1 } : null;
}

/** Runs a POST that needs sudo; a missing sudo window sends the user to confirm and back. */
async function sudoPost(
  c: Context<HttpEnv>,
  work: (auth: Authenticated, form: Record<string, string>) => Promise<Response>,
): Promise<Response> {
  const form = await readForm(c);
  if (!validCsrf(c, form._csrf)) return csrfRefused(c);
  const auth = sudoOrRedirect(c, '/security');
  if (auth instanceof Response) return auth;
  try {
    return await work(auth, form);
  } catch (error) {
    if (isDomainError(error, 'not_found')) return c.redirect('/security', 303);
    if (isDomainError(error, 'backup_method_required') || isDomainError(error, 'last_required_method'))
      return policyRefusal(c, error.code as 'backup_method_required' | 'last_required_method');
    throw error;
  }
}

/** A code typed to confirm turning 2FA off: six to eight digits are an app code, the rest a recovery code. */
const codeTypeOf = (code: string) => (/^\s*\d[\d\s]{5,9}$/.test(code) ? 'totp' : 'recovery_code');

export function methodRoutes(app: Hono<HttpEnv>): void {
  app.post(`${base}/primary`, (c) =>
    sudoPost(c, async (auth) => {
      await setPrimaryMethod(c.get('deps'), auth, {
        methodId: c.req.param('id'),
        context: c.get('requestContext'),
      });
      return c.redirect('/security?notice=primary-changed', 303);
    }),
  );

  app.get(`${base}/rename`, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    if (auth instanceof Response) return auth;
    const found = await ownMethod(c, auth);
    if (!found) return c.redirect('/security', 303);
    return renderPage(
      c,
      <RenameMethodPage page={pageContext(c)} methodId={found.method.id} label={found.method.label} />,
    );
  });

  app.post(`${base}/rename`, (c) =>
    sudoPost(c, async (auth, form) => {
      const label = (form.label ?? '').trim().slice(0, 64);
      if (label) {
        await renameMethod(c.get('deps'), auth, {
          methodId: c.req.param('id'),
          label,
          context: c.get('requestContext'),
        });
      }
      return c.redirect('/security?notice=renamed', 303);
    }),
  );

  app.get(`${base}/remove`, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    if (auth instanceof Response) return auth;
    const found = await ownMethod(c, auth);
    if (!found) return c.redirect('/security', 303);
    const { method, last } = found;
    const codeProof = await codeProofOf(c.get('deps'), auth, method);
    return renderPage(
      c,
      <RemoveMethodPage
        page={pageContext(c)}
        methodId={method.id}
        label={method.label}
        last={last}
        codeProof={codeProof}
      />,
    );
  });

  app.post(`${base}/remove`, (c) =>
    sudoPost(c, async (auth, form) => {
      const found = await ownMethod(c, auth);
      if (!found) return c.redirect('/security', 303);
      const code = (form.code ?? '').slice(0, 64);
      try {
        const { twoFactorOff } = await removeMethod(c.get('deps'), auth, {
          methodId: found.method.id,
          code: code.trim() ? code : undefined,
          codeType: sendsCodes(found.method.type) ? sentCodeType(found.method, code) : codeTypeOf(code),
          context: c.get('requestContext'),
        });
        return c.redirect(`/security?notice=${twoFactorOff ? 'two-factor-off' : 'method-removed'}`, 303);
      } catch (error) {
        if (!isDomainError(error, 'second_factor_required')) throw error;
        const { method, last } = found;
        const message = c.get('t')(code.trim() ? 'error.wrong_code' : 'code.missing');
        const page = (
          <RemoveMethodPage
            page={pageContext(c)}
            methodId={method.id}
            label={method.label}
            last={last}
            error={message}
            codeProof={await codeProofOf(c.get('deps'), auth, method)}
          />
        );
        return renderPage(c, page, 400);
      }
    }),
  );

  app.post('/security/two-factor/recovery-codes', (c) =>
    sudoPost(c, async (auth) => {
      const codes = await regenerateRecoveryCodes(c.get('deps'), auth, c.get('requestContext'));
      return renderPage(
        c,
        <RecoveryCodesPage
          page={pageContext(c)}
          account={auth.user.email}
          codes={codes}
          reason="regenerated"
        />,
      );
    }),
  );
}
