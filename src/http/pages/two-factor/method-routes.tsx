import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { removeMethod, renameMethod, setPrimaryMethod } from '../../../app/two-factor/manage-methods.js';
import { ownActiveMethods } from '../../../app/two-factor/own-two-factor.js';
import { regenerateRecoveryCodes } from '../../../app/two-factor/recovery-codes.js';
import { sendsCodes } from '../../../factors/registry.js';
import type { HttpEnv } from '../../env.js';
import { policyRefusal } from '../policy/policy-refusal.js';
import { type FormRequest, type FormRoute, formRoute } from '../shared/form-kit.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
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

/** A POST that needs sudo; a missing sudo window sends the user to confirm and back. */
const sudoPost = (
  handle: FormRoute<'sudo'>['handle'],
  on: FormRoute<'sudo'>['on'] = {},
): FormRoute<'sudo'> => ({
  guard: 'sudo',
  back: () => '/security',
  handle,
  on: {
    not_found: ({ c }) => c.redirect('/security', 303),
    backup_method_required: ({ c }) => policyRefusal(c, 'backup_method_required'),
    last_required_method: ({ c }) => policyRefusal(c, 'last_required_method'),
    ...on,
  },
});

/** The page that turns a method off, again: the code was missing or wrong. */
async function removeAgain({ c, auth, form, t }: FormRequest<'sudo'>) {
  const found = await ownMethod(c, auth);
  if (!found) return c.redirect('/security', 303);
  const { method, last } = found;
  const message = t((form.code ?? '').slice(0, 64).trim() ? 'error.wrong_code' : 'code.missing');
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

/** A code typed to confirm turning 2FA off: six to eight digits are an app code, the rest a recovery code. */
const codeTypeOf = (code: string) => (/^\s*\d[\d\s]{5,9}$/.test(code) ? 'totp' : 'recovery_code');

export function methodRoutes(app: Hono<HttpEnv>): void {
  formRoute(
    app,
    `${base}/primary`,
    sudoPost(async ({ c, auth }) => {
      await setPrimaryMethod(c.get('deps'), auth, {
        methodId: c.req.param('id') ?? '',
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

  formRoute(
    app,
    `${base}/rename`,
    sudoPost(async ({ c, auth, form }) => {
      const label = (form.label ?? '').trim().slice(0, 64);
      if (label) {
        await renameMethod(c.get('deps'), auth, {
          methodId: c.req.param('id') ?? '',
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

  formRoute(
    app,
    `${base}/remove`,
    sudoPost(
      async ({ c, auth, form }) => {
        const found = await ownMethod(c, auth);
        if (!found) return c.redirect('/security', 303);
        const code = (form.code ?? '').slice(0, 64);
        const { twoFactorOff } = await removeMethod(c.get('deps'), auth, {
          methodId: found.method.id,
          code: code.trim() ? code : undefined,
          codeType: sendsCodes(found.method.type) ? sentCodeType(found.method, code) : codeTypeOf(code),
          context: c.get('requestContext'),
        });
        return c.redirect(`/security?notice=${twoFactorOff ? 'two-factor-off' : 'method-removed'}`, 303);
      },
      { second_factor_required: removeAgain },
    ),
  );

  formRoute(
    app,
    '/security/two-factor/recovery-codes',
    sudoPost(async ({ c, auth }) => {
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
