import type { OrganizationView } from '../../../app/organizations/view-organization.js';
import { isManager, mayGrant, mayManage } from '../../../core/organizations/member-rules.js';
import { organizationRoles } from '../../../core/organizations/roles.js';
import { catalogs, type MessageKey, type Translate } from '../../../i18n/translate.js';
import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { Fact, FactsItem } from '../components/fact.js';
import { FormField } from '../components/form-field.js';
import { LocalTime } from '../components/local-time.js';
import { PostForm } from '../components/post-form.js';
import {
  type OrganizationPolicyForm,
  OrganizationPolicySection,
} from '../policy/organization-policy-section.js';
import { Layout } from '../shared/layout.js';
import type { PageContext } from '../shared/page-context.js';
import { RoleSelect } from './role-select.js';

export const organizationNotices = {
  created: { key: 'org.notice.created', kind: 'success' },
  invited: { key: 'org.notice.invited', kind: 'success' },
  'role-changed': { key: 'org.notice.roleChanged', kind: 'success' },
  removed: { key: 'org.notice.removed', kind: 'success' },
  joined: { key: 'org.notice.joined', kind: 'success' },
  'already-member': { key: 'org.notice.alreadyMember', kind: 'info' },
  'last-owner': { key: 'error.last_owner', kind: 'error' },
  forbidden: { key: 'org.notice.forbidden', kind: 'error' },
} as const satisfies Record<string, { key: MessageKey; kind: 'success' | 'info' | 'error' }>;

export type OrganizationNotice = keyof typeof organizationNotices;

/** A method kind in words, as the security page names it. */
function methodName(t: Translate, type: string): string {
  const key = `security.method.${type}`;
  return key in catalogs.en ? t(key as MessageKey) : t('security.method.other');
}

export interface OrganizationPageProps {
  page: PageContext;
  view: OrganizationView;
  selfId: string;
  notice?: OrganizationNotice | undefined;
  invite?: { email: string; role: string; error?: string | undefined } | undefined;
  /** The 2FA policy form, for owners and admins. */
  policy?: OrganizationPolicyForm | undefined;
}

/** One organization: its members (with 2FA status for owners and admins), invitations, and changes. */
export function OrganizationPage(props: OrganizationPageProps) {
  const { page, view, notice } = props;
  const { t } = page;
  const manager = isManager(view.role);
  return (
    <Layout page={page} title={view.organization.name} width="wide">
      <p class="card-back">
        <a href="/organizations">{t('org.back')}</a>
      </p>
      <div class="page-head">
        <h1 class="page-title">{view.organization.name}</h1>
        <p class="page-lead">
          {t('orgs.yourRole')}: {t(`org.role.${view.role}`)}
        </p>
      </div>
      {notice && (
        <Alert kind={organizationNotices[notice].kind}>
          <p>{t(organizationNotices[notice].key)}</p>
        </Alert>
      )}
      <MembersSection {...props} manager={manager} />
      {manager && <InviteSection {...props} />}
      {manager && view.invitations.length > 0 && <InvitationsSection {...props} />}
      {manager && props.policy && <OrganizationPolicySection page={page} form={props.policy} />}
    </Layout>
  );
}

function MembersSection(props: OrganizationPageProps & { manager: boolean }) {
  const { page, view, manager, selfId } = props;
  const { t, locale } = page;
  const base = `/organizations/${encodeURIComponent(view.organization.id)}`;
  return (
    <section class="panel" aria-labelledby="members-heading">
      <h2 class="panel-title" id="members-heading">
        {t('org.members.heading')}
      </h2>
      <p class="panel-text">{manager ? t('org.members.introManager') : t('org.members.intro')}</p>
      <div class="table-scroll">
        <table class="data-table data-table-stack">
          <thead>
            <tr>
              <th scope="col">{t('org.col.member')}</th>
              {manager && <th scope="col">{t('org.col.twoFactor')}</th>}
              <th scope="col">{t('org.col.role')}</th>
            </tr>
          </thead>
          <tbody>
            {view.members.map((member) => {
              // Not on oneself: an owner who demotes or removes herself may leave nobody in charge.
              const editable = manager && member.userId !== selfId && mayManage(view.role, member.role);
              const memberPath = `${base}/members/${encodeURIComponent(member.userId)}`;
              return (
                <tr>
                  <th scope="row" class="data-table-member">
                    <span class="data-table-email">{member.email}</span>
                    {member.userId === selfId && <span class="badge badge-current">{t('org.you')}</span>}
                    <span class="data-table-note">
                      {t('org.col.joined')} <LocalTime locale={locale} at={member.joinedAt} dateOnly />
                    </span>
                    {manager && (
                      <span class="data-table-note">
                        {member.lastSignInAt ? (
                          <>
                            {t('org.lastSignIn')}{' '}
                            <LocalTime locale={locale} at={member.lastSignInAt} dateOnly />
                          </>
                        ) : (
                          t('org.neverSignedIn')
                        )}
                      </span>
                    )}
                  </th>
                  {manager && (
                    <td data-label={t('org.col.twoFactor')}>
                      <span class={member.twoFactor?.enabled ? 'badge badge-on' : 'badge badge-off'}>
                        {member.twoFactor?.enabled ? t('org.twoFactor.on') : t('org.twoFactor.off')}
                      </span>
                      {member.twoFactor && member.twoFactor.methodTypes.length > 0 && (
                        <span class="data-table-note">
                          {member.twoFactor.methodTypes.map((type) => methodName(t, type)).join(', ')}
                        </span>
                      )}
                    </td>
                  )}
                  <td data-label={t('org.col.role')}>
                    {editable ? (
                      <div class="member-actions">
                        <PostForm
                          action={`${memberPath}/role`}
                          csrfToken={page.csrfToken}
                          class="inline-form"
                        >
                          <RoleSelect
                            t={t}
                            id={`role-${member.userId}`}
                            label={t('org.roleFor', { email: member.email })}
                            offered={organizationRoles.filter((r) => mayGrant(view.role, r))}
                            selected={member.role}
                          />
                          <button type="submit" class="button button-secondary button-small">
                            {t('org.changeRole')}
                          </button>
                        </PostForm>
                        <a class="link-button-danger" href={`${memberPath}/remove`}>
                          {t('org.remove')}
                          <span class="visually-hidden"> {member.email}</span>
                        </a>
                      </div>
                    ) : (
                      t(`org.role.${member.role}`)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {manager && <p class="panel-note">{t('org.sudoNote')}</p>}
    </section>
  );
}

function InviteSection(props: OrganizationPageProps) {
  const { page, view, invite } = props;
  const { t } = page;
  const offered = organizationRoles.filter((r) => mayGrant(view.role, r));
  const selected = offered.find((r) => r === invite?.role) ?? 'member';
  return (
    <section class="panel" aria-labelledby="invite-heading">
      <h2 class="panel-title" id="invite-heading">
        {t('org.invite.heading')}
      </h2>
      <p class="panel-text">{t('org.invite.intro')}</p>
      <PostForm
        action={`/organizations/${encodeURIComponent(view.organization.id)}/invitations`}
        csrfToken={page.csrfToken}
        class="form"
      >
        <FormField
          name="email"
          type="email"
          label={t('org.invite.email')}
          autocomplete="off"
          value={invite?.email}
          error={invite?.error}
        />
        <div class="field">
          <label class="field-label" for="invite-role">
            {t('org.invite.role')}
          </label>
          <RoleSelect t={t} id="invite-role" offered={offered} selected={selected} />
        </div>
        <div class="actions">
          <Button>{t('org.invite.submit')}</Button>
        </div>
      </PostForm>
    </section>
  );
}

function InvitationsSection(props: OrganizationPageProps) {
  const { page, view } = props;
  const { t, locale } = page;
  return (
    <section class="panel" aria-labelledby="invitations-heading">
      <h2 class="panel-title" id="invitations-heading">
        {t('org.invitations.heading')}
      </h2>
      <ul class="item-list">
        {view.invitations.map((invitation) => (
          <FactsItem title={invitation.email} titleClass="row-email">
            <Fact label={t('org.col.role')}>{t(`org.role.${invitation.role}`)}</Fact>
            <Fact label={t('org.invitations.expires')}>
              <LocalTime locale={locale} at={invitation.expiresAt} />
            </Fact>
          </FactsItem>
        ))}
      </ul>
    </section>
  );
}
