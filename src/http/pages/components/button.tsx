import type { Child } from 'hono/jsx';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

/** A submit button; `wide` fills the card on the sign-in style pages. */
export function Button(props: { variant?: Variant; wide?: boolean; children: Child }) {
  const classes = ['button', `button-${props.variant ?? 'primary'}`, props.wide ? 'button-wide' : ''];
  return (
    <button type="submit" class={classes.filter(Boolean).join(' ')}>
      {props.children}
    </button>
  );
}

/** A link that looks like a button, for actions that open another page. */
export function ButtonLink(props: { href: string; variant?: Variant; children: Child }) {
  return (
    <a class={`button button-${props.variant ?? 'primary'}`} href={props.href}>
      {props.children}
    </a>
  );
}
