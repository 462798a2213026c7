import type { Session } from '../../../core/types.js';
import type { PageContext } from '../shared/page-context.js';
import { formatRelative } from '../shared/time-format.js';
import { Fact } from './fact.js';
import { LocalTime } from './local-time.js';

/** When a session was last active and when it signed in: the security page's and the console's. */
export function SessionTimes(props: {
  page: PageContext;
  session: Pick<Session, 'lastSeenAt' | 'createdAt'>;
}) {
  const { page, session } = props;
  const { t, locale } = page;
  return (
    <>
      <Fact label={t('security.devices.lastActive')}>
        {formatRelative(locale, session.lastSeenAt, page.now)}
      </Fact>
      <Fact label={t('security.devices.signedIn')}>
        <LocalTime locale={locale} at={session.createdAt} />
      </Fact>
    </>
  );
}
