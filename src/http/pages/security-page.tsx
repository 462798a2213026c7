import type { TwoFactorSummary } from '../../app/deps.js';
import type { AuditEvent, Session } from '../../core/types.js';
import { AccountSection } from './account-section.js';
import { ActivitySection } from './activity-section.js';
import { Alert } from './components/alert.js';
import { DevicesSection } from './devices-section.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';
import { TwoFactorSection } from './two-factor-section.js';

export type SecurityNotice = keyof typeof noticeKeys;

export interface SecurityPageProps {
  page: PageContext;
  email: string;
  summary: TwoFactorSummary;
  sessions: Session[];
  currentSessionId: string;
  events: AuditEvent[];
  notice?: SecurityNotice | undefined;
}

const noticeKeys = {
  passwordChanged: 'security.notice.passwordChanged',
  deviceSignedOut: 'security.notice.deviceSignedOut',
  othersSignedOut: 'security.notice.othersSignedOut',
  deviceGone: 'security.notice.deviceGone',
  twoFactorOn: 'recovery.doneOn',
  codesNew: 'recovery.doneNew',
  methodAdded: 'notice.methodAdded',
  methodRemoved: 'notice.methodRemoved',
  twoFactorOff: 'notice.twoFactorOff',
  primaryChanged: 'notice.primaryChanged',
  renamed: 'notice.renamed',
} as const;

/** "Security and login" (seed 001): the account, its second step, its devices, its history. */
export function SecurityPage(props: SecurityPageProps) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('security.title')} width="wide">
      <div class="page-head">
        <h1 class="page-title">{t('security.title')}</h1>
        <p class="page-lead">{t('security.intro')}</p>
      </div>
      {props.notice && (
        <Alert kind={props.notice === 'deviceGone' || props.notice === 'twoFactorOff' ? 'info' : 'success'}>
          <p>{t(noticeKeys[props.notice])}</p>
        </Alert>
      )}
      <AccountSection page={page} email={props.email} />
      <TwoFactorSection page={page} summary={props.summary} />
      <DevicesSection page={page} sessions={props.sessions} currentId={props.currentSessionId} />
      <ActivitySection page={page} events={props.events} />
    </Layout>
  );
}
