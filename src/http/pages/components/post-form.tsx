import type { Child } from 'hono/jsx';

/**
 * A form that posts back with the CSRF token. `novalidate` lets the server's messages, in the
 * reader's language and announced the same way every time, replace the browser's own bubbles.
 */
export function PostForm(props: { action: string; csrfToken: string; class?: string; children: Child }) {
  return (
    <form method="post" action={props.action} class={props.class} novalidate>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {props.children}
    </form>
  );
}
