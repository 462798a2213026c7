import type { Child } from 'hono/jsx';

const icons = {
  error:
    'M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-.9 4.5h1.8v5.2H9.1V6Zm.9 8.4a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z',
  success:
    'M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-1.3 12.1L5 9.9l1.3-1.3 2.4 2.4 5-5 1.3 1.3-6.3 6.3Z',
  info: 'M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm.9 13.3H9.1V9h1.8v5.8ZM10 7.6a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z',
};

/**
 * A message box. Errors are `role="alert"`, so they are announced as soon as the page shows them;
 * success and information are a polite `status`.
 */
export function Alert(props: {
  kind: 'error' | 'success' | 'info';
  id?: string | undefined;
  children: Child;
}) {
  return (
    <div class={`alert alert-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} id={props.id}>
      <svg class="alert-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d={icons[props.kind]} />
      </svg>
      <div class="alert-body">{props.children}</div>
    </div>
  );
}
