import type { Child } from 'hono/jsx';
import { Layout } from '../shared/layout.js';
import type { PageContext } from '../shared/page-context.js';

export interface CardPageProps {
  page: PageContext;
  /** The heading, and the tab's title too. */
  title: string;
  /** A link above the heading, for pages that are one step off another. */
  back?: { href: string; label: string } | undefined;
  children: Child;
  /** The line under the card's content: a way out or on. */
  footer?: Child;
}

/** One centered card: sign-in, sign-up, the password pages and the two-factor steps. */
export function CardPage(props: CardPageProps) {
  const { back } = props;
  return (
    <Layout page={props.page} title={props.title} width="narrow">
      {back && (
        <p class="card-back">
          <a href={back.href}>{back.label}</a>
        </p>
      )}
      <h1 class="card-title">{props.title}</h1>
      {props.children}
      {props.footer && <p class="card-footer">{props.footer}</p>}
    </Layout>
  );
}
