import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { type DomainError, type ErrorCode, isDomainError } from '../../../core/errors.js';
import type { Translate } from '../../../i18n/translate.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { sudoOrRedirect } from '../two-factor/page-guards.js';
import { readForm } from './form-body.js';
import { type FormProblem, problemFrom } from './form-problem.js';
import { csrfRefused } from './message-page.js';
import { signedIn, toSignIn } from './page-context.js';

/**
 * Who may send a form: anyone; a signed-in user (a session still setting up 2FA counts); only a
 * fully signed-in one; a signed-in user in sudo mode; or the caller's own check, which answers
 * with the user or with where to send them instead.
 */
export type FormGuard =
  | 'none'
  | 'signedIn'
  | 'fullySignedIn'
  | 'sudo'
  | ((c: Context<HttpEnv>) => Authenticated | Response);

/** One submitted form that passed its token check and its guard. */
export interface FormRequest<G extends FormGuard = FormGuard> {
  c: Context<HttpEnv>;
  form: Record<string, string>;
  auth: G extends 'none' ? null : Authenticated;
  t: Translate;
}

type Answer = Response | Promise<Response>;

export interface FormRoute<G extends FormGuard> {
  guard: G;
  /**
   * The page the form lives on: the way back from a refused token, and where sign-in or the
   * password confirmation returns to. Without it, this request's own address.
   */
  back?: (c: Context<HttpEnv>, form: Record<string, string>) => string;
  /** The work; a problem it returns (an empty field) is shown on the form like a domain error. */
  handle: (request: FormRequest<G>) => Promise<Response | FormProblem> | Response | FormProblem;
  /** Expected domain errors that lead away from the form: a redirect, a page of their own. */
  on?: { [K in ErrorCode]?: (request: FormRequest<G>, error: DomainError) => Answer };
  /** Which other domain errors the form shows, and in what words; null lets one through. Default: all. */
  problem?: (t: Translate, error: DomainError) => FormProblem | null;
  /** The form drawn again with what went wrong; without it, unexpected errors go on to the error handler. */
  rerender?: (request: FormRequest<G>, problem: FormProblem) => Answer;
}

/** Registers a page form's POST handler: token, guard, work, and the expected errors, in that order. */
export function formRoute<G extends FormGuard>(app: Hono<HttpEnv>, path: string, route: FormRoute<G>): void {
  app.post(path, (c) => answerForm(c, route));
}

/**
 * Answers one form post. Nothing runs before the token is checked, so a forged post changes
 * nothing; a refused one comes back to a fresh copy of the page the form lives on.
 */
export async function answerForm<G extends FormGuard>(
  c: Context<HttpEnv>,
  route: FormRoute<G>,
): Promise<Response> {
  const form = await readForm(c);
  const back = route.back?.(c, form);
  if (!validCsrf(c, form._csrf)) return csrfRefused(c, back);
  const auth = guarded(c, route.guard, back ?? c.req.path);
  if (auth instanceof Response) return auth;
  const request = { c, form, auth, t: c.get('t') } as FormRequest<G>;
  try {
    const answer = await route.handle(request);
    return answer instanceof Response ? answer : await showAgain(request, route, answer);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const elsewhere = route.on?.[error.code];
    if (elsewhere) return await elsewhere(request, error);
    const problem = route.rerender && (route.problem ?? problemFrom)(request.t, error);
    if (!problem) throw error;
    return await showAgain(request, route, problem);
  }
}

/** Shows these domain errors on the form, in the words `problemFrom` gives them; the rest go on. */
export function problemsFor(...codes: ErrorCode[]) {
  return (t: Translate, error: DomainError): FormProblem | null =>
    codes.includes(error.code) ? problemFrom(t, error) : null;
}

function guarded(c: Context<HttpEnv>, guard: FormGuard, back: string): Authenticated | null | Response {
  if (guard === 'none') return null;
  if (guard === 'sudo') return sudoOrRedirect(c, back);
  if (typeof guard === 'function') return guard(c);
  const auth = signedIn(c);
  const allowed = guard === 'signedIn' ? auth : auth?.session.state === 'signed_in' ? auth : null;
  return allowed ?? toSignIn(c, back);
}

/** The form again with its problem; a rate limit also tells the browser when to try again. */
function showAgain<G extends FormGuard>(request: FormRequest<G>, route: FormRoute<G>, problem: FormProblem) {
  if (!route.rerender) throw new Error('A form problem needs a page to show it on');
  if (problem.retryAfterSeconds) request.c.header('retry-after', String(problem.retryAfterSeconds));
  return route.rerender(request, problem);
}
