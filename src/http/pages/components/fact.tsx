import type { Child } from 'hono/jsx';

/** One fact of a list item (`dt` and `dd`), wrapped so each pair lays out as a unit. */
export function Fact(props: { label: string; mono?: boolean; children: Child }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd class={props.mono ? 'mono' : undefined}>{props.children}</dd>
    </div>
  );
}

/** A list item with nothing to press: its title, then its facts. */
export function FactsItem(props: { title: Child; titleClass?: string; children: Child }) {
  return (
    <li class="item">
      <div class="item-body">
        <p class={props.titleClass ? `item-title ${props.titleClass}` : 'item-title'}>{props.title}</p>
        <dl class="item-facts">{props.children}</dl>
      </div>
    </li>
  );
}
