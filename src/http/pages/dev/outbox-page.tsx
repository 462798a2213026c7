import type { OutboxMessage } from '../../../core/types.js';
import { LocalTime } from '../components/local-time.js';
import { Layout } from '../shared/layout.js';
import type { PageContext } from '../shared/page-context.js';

const linkPattern = /(https?:\/\/[^\s<>"']+)/g;

/** The text with its web links made clickable; everything else stays text (escaped by JSX). */
function Linkified(props: { text: string }) {
  return (
    <>
      {props.text
        .split(linkPattern)
        .map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part))}
    </>
  );
}

/** The development outbox: what would have gone out by e-mail, text or call, newest first. */
export function OutboxPage(props: { page: PageContext; messages: OutboxMessage[] }) {
  const { page } = props;
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('outbox.title')} width="wide">
      <div class="page-head">
        <h1 class="page-title">{t('outbox.title')}</h1>
        <p class="page-lead">{t('outbox.intro')}</p>
      </div>
      {props.messages.length === 0 && <p class="panel">{t('outbox.empty')}</p>}
      {props.messages.map((message) => (
        <article class="panel message" aria-labelledby={`message-${message.id}`}>
          <h2 class="panel-title" id={`message-${message.id}`}>
            {message.subject ?? t(`outbox.channel.${message.channel}`)}
          </h2>
          <dl class="item-facts">
            <div>
              <dt>{t('outbox.channel')}</dt>
              <dd>{t(`outbox.channel.${message.channel}`)}</dd>
            </div>
            <div>
              <dt>{t('outbox.to')}</dt>
              <dd>{message.to}</dd>
            </div>
            <div>
              <dt>{t('outbox.sentAt')}</dt>
              <dd>
                <LocalTime locale={locale} at={message.sentAt} />
              </dd>
            </div>
          </dl>
          <pre class="message-text">
            <Linkified text={message.text} />
          </pre>
        </article>
      ))}
    </Layout>
  );
}
