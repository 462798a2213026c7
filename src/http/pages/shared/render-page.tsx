import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { HttpEnv } from '../../env.js';

/** Sends a whole HTML document; the doctype keeps browsers out of quirks mode. */
export function renderPage(c: Context<HttpEnv>, page: JSX.Element, status: ContentfulStatusCode = 200) {
  return c.html(
    <>
      {raw('<!doctype html>')}
      {page}
    </>,
    status,
  );
}
