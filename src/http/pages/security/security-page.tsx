import type { TwoFactorSummary } from '../../../app/two-factor/two-factor-status.js';
import type { EffectivePolicy } from '../../../core/policy/merge-policies.js';
import type { RememberedDevice } from '../../../core/sessions/remembered-device.js';
import type { AuditEvent, Session } from '../../../core/types.js';
import { Alert } from '../components/alert.js';
import { OrganizationsLinkSection } from '../organizations/organizations-link-section.js';
import { PolicySection } from '../policy/policy-section.js';
import { Layout } from '../shared/layout.js';
import type { PageContext } from '../shared/page-context.js';
import { PendingResetPanel } from '../two-factor-reset/pending-reset.js';
import { AccountSection } from './account-section.js';
import { ActivitySection } from './activity-section.js';
import { DevicesSection } from './devices-section.js';
import { EmailVerificationNotice, type ResendState } from './email-verification-notice.js';
import { RememberedDevicesSection } from './remembered-devices-section.js';
import { TwoFactorSection } from './two-factor-section.js';

export type SecurityNotice = keyof typeof noticeKeys;

export interface SecurityPageProps {
  /** The 2FA policy that applies to the user, with who set each rule. */
  policy?: EffectivePolicy | undefined;
  page: PageContext;
  email: string;
  summary: TwoFactorSummary;
  sessions: Session[];
  currentSessionId: string;
  events: AuditEvent[];
  /** Absent: the section is not shown (no 2FA, or remembering is off and none is left). */
  remembered?: { devices: RememberedDevice[]; currentIds: string[] } | undefined;
  notice?: SecurityNotice | undefined;
  /** Whether the account address is proved; while it is not, a notice offers the link again. */
  emailVerified?: boolean | undefined;
  resend?: ResendState;
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
  destinationChanged: 'notice.destinationChanged',
  deviceForgotten: 'remembered.notice.forgotten',
  devicesForgotten: 'remembered.notice.allForgotten',
  deviceAlreadyForgotten: 'remembered.notice.gone',
} as const;

/** "Security and login": the account, its second step, its devices, its history. */
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
      <PendingResetPanel page={page} />
      {props.emailVerified === false && (
        <EmailVerificationNotice page={page} email={props.email} resend={props.resend} />
      )}
      <AccountSection page={page} email={props.email} />
      <TwoFactorSection page={page} summary={props.summary} />
      {props.policy && <PolicySection page={page} policy={props.policy} />}
      <DevicesSection page={page} sessions={props.sessions} currentId={props.currentSessionId} />
      {props.remembered && <RememberedDevicesSection page={page} {...props.remembered} />}
      <OrganizationsLinkSection page={page} />
      <ActivitySection page={page} events={props.events} />
    </Layout>
  );
}
