import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../app/deps.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { DomainError } from '../../../core/errors.js';
import { translator } from '../../../i18n/translate.js';
import type { HttpEnv } from '../../env.js';
import { type FormGuard, type FormRoute, formRoute, problemsFor } from './form-kit.js';

const now = new Date('2026-11-23T09:00:00Z');
const token = 'this-browsers-form-token';

function user(state: 'signed_in' | 'two_factor_setup', sudoUntil: Date | null): Authenticated {
  return {
    user: { id: 'u1', email: 'ann@example.com' },
    session: { id: 's1', state, sudoUntil },
  } as unknown as Authenticated;
}

/** One form route on a bare app, with what the middleware would have put on the context. */
function appWith<G extends FormGuard>(route: FormRoute<G>, auth: Authenticated | null = null) {
  const app = new Hono<HttpEnv>();
  app.use(async (c, next) => {
    c.set('deps', { clock: { now: () => now } } as unknown as AppDeps);
    c.set('t', translator('en'));
    c.set('locale', 'en');
    c.set('csrfToken', token);
    c.set('auth', auth);
    await next();
  });
  formRoute(app, '/form', route);
  // What the real error handler does with an error no form expects: a 500, nothing shown.
  app.onError((_error, c) => c.text('unexpected', 500));
  const post = (fields: Record<string, string>) =>
    app.request('/form', { method: 'POST', body: new URLSearchParams(fields) });
  return { post };
}

describe('formRoute', () => {
  it('refuses a post without this browser’s token before any work runs', async () => {
    let ran = false;
    const { post } = appWith({
      guard: 'none',
      handle: ({ c }) => {
        ran = true;
        return c.redirect('/done', 303);
      },
    });
    const answer = await post({ _csrf: 'someone-elses' });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('This form has expired. Please try again.');
    expect(ran).toBe(false);
  });

  it('hands the work the form’s fields once the token holds', async () => {
    const { post } = appWith({ guard: 'none', handle: ({ c, form }) => c.text(`hello ${form.name}`) });
    const answer = await post({ _csrf: token, name: 'Ann' });
    expect(await answer.text()).toBe('hello Ann');
  });

  it('sends a visitor who is not signed in to sign in, and back to the form’s page after', async () => {
    const { post } = appWith({ guard: 'signedIn', back: () => '/security', handle: ({ c }) => c.text('x') });
    const answer = await post({ _csrf: token });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/sign-in?next=/security');
  });

  it('sends a signed-in user without a fresh password confirmation to confirm it first', async () => {
    const route: FormRoute<'sudo'> = { guard: 'sudo', handle: ({ c }) => c.text('changed') };
    const stale = appWith(route, user('signed_in', null));
    const answer = await stale.post({ _csrf: token });
    expect(answer.headers.get('location')).toBe('/confirm-password?next=/form');
    const fresh = appWith(route, user('signed_in', new Date(now.getTime() + 60_000)));
    expect(await (await fresh.post({ _csrf: token })).text()).toBe('changed');
  });

  it('keeps a session still setting up 2FA out of forms for fully signed-in users', async () => {
    const route: FormRoute<'fullySignedIn'> = {
      guard: 'fullySignedIn',
      handle: ({ c }) => c.text('forgotten'),
    };
    const answer = await appWith(route, user('two_factor_setup', null)).post({ _csrf: token });
    expect(answer.headers.get('location')).toBe('/sign-in?next=/form');
  });

  it('shows a refused domain error on the form, with its status and when to try again', async () => {
    const { post } = appWith({
      guard: 'none',
      handle: () => {
        throw new DomainError('rate_limited', 'slow down', 120);
      },
      rerender: ({ c }, problem) => c.text(problem.message, problem.status),
    });
    const answer = await post({ _csrf: token });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('120');
    expect(await answer.text()).toBe('Too many attempts. Please wait 2 minutes and try again.');
  });

  it('shows a problem the work found itself, like an empty field, the same way', async () => {
    const { post } = appWith({
      guard: 'none',
      handle: ({ t }) => ({ message: t('form.passwordMissing'), field: 'password', status: 400 }),
      rerender: ({ c }, problem) => c.text(`${problem.field}: ${problem.message}`, problem.status),
    });
    const answer = await post({ _csrf: token });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/^password: /);
  });

  it('leads an expected error away from the form, and lets an unexpected one through', async () => {
    const failWith = (code: 'not_found' | 'conflict') => {
      const { post } = appWith({
        guard: 'none',
        handle: () => {
          throw new DomainError(code);
        },
        on: { not_found: ({ c }) => c.redirect('/gone', 303) },
        problem: problemsFor('rate_limited'),
        rerender: ({ c }, problem) => c.text(problem.message, problem.status),
      });
      return post({ _csrf: token });
    };
    expect((await failWith('not_found')).headers.get('location')).toBe('/gone');
    expect((await failWith('conflict')).status).toBe(500);
  });
});
