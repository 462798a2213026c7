import { mayActOn } from '../../app/support/staff-access.js';
import type { UserOverview } from '../../app/support/staff-actions.js';
import type { User } from '../../core/types.js';
import { deviceLabel } from '../../i18n/device-label.js';
import { isLocale, localeNames } from '../../i18n/locales.js';
import { catalogs, type MessageKey, type Translate } from '../../i18n/translate.js';
import { ActivityList } from '../pages/components/activity-list.js';
import { Alert } from '../pages/components/alert.js';
import { Button } from '../pages/components/button.js';
import { Fact, FactsItem } from '../pages/components/fact.js';
import { FieldLabel } from '../pages/components/field-label.js';
import { LocalTime } from '../pages/components/local-time.js';
import { PostForm } from '../pages/components/post-form.js';
import { SessionTimes } from '../pages/components/session-times.js';
import type { PageContext } from '../pages/shared/page-context.js';
import { formatDateTime } from '../pages/shared/time-format.js';
import { ConsoleLayout } from './console-layout.js';
import { PendingResetActions } from './pending-reset-actions.js';

export const userNotices = {
  'signed-out': 'console.notice.signedOut',
  disabled: 'console.notice.disabled',
  enabled: 'console.notice.enabled',
  'reset-requested': 'console.notice.resetRequested',
  'reset-done': 'console.notice.resetDone',
  'reset-cancelled': 'console.notice.resetCancelled',
  'reset-shortened': 'console.notice.resetShortened',
} as const satisfies Record<string, MessageKey>;

export type UserNotice = keyof typeof userNotices;

export interface UserPageProps {
  page: PageContext;
  staff: User;
  overview: UserOverview;
  resetDelayMs: number;
  notice?: UserNotice | undefined;
  /** The reset form's problem, with the reason typed so far. */
  resetProblem?: { message: string; reason: string } | undefined;
}

function methodTypeName(t: Translate, type: string): string {
  const key = `security.method.${type}`;
  return key in catalogs.en ? t(key as MessageKey) : t('security.method.other');
}

/** One user as support sees them: account, 2FA methods, devices, history, and the actions. */
export function UserPage(props: UserPageProps) {
  const { page, overview, staff } = props;
  const { t } = page;
  const { user } = overview;
  return (
    <ConsoleLayout page={page} role={staff.staffRole ?? 'support'} title={user.email}>
      <p class="card-back">
        <a href="/console/users">{t('console.user.back')}</a>
      </p>
      {props.notice && (
        <Alert kind="success">
          <p>{t(userNotices[props.notice])}</p>
        </Alert>
      )}
      <AccountPanel page={page} user={user} />
      <MethodsPanel page={page} overview={overview} />
      <SessionsPanel page={page} overview={overview} />
      <ActionsPanel {...props} />
      <ActivityPanel page={page} overview={overview} />
    </ConsoleLayout>
  );
}

function AccountPanel(props: { page: PageContext; user: User }) {
  const { page, user } = props;
  const { t, locale } = page;
  return (
    <section class="panel" aria-labelledby="account-heading">
      <div class="panel-head">
        <h2 class="panel-title" id="account-heading">
          {t('console.user.account')}
        </h2>
        <span class={user.disabledAt ? 'badge badge-off' : 'badge badge-on'}>
          {user.disabledAt ? t('console.action.disable') : t('console.user.active')}
        </span>
      </div>
      <dl class="rows">
        <div class="row">
          <dt class="row-label">{t('form.email')}</dt>
          <dd class="row-value row-email">{user.email}</dd>
        </div>
        <div class="row">
          <dt class="row-label">{t('console.user.created')}</dt>
          <dd class="row-value">
            <LocalTime locale={locale} at={user.createdAt} />
          </dd>
        </div>
        <div class="row">
          <dt class="row-label">{t('console.user.status')}</dt>
          <dd class="row-value">
            {user.disabledAt
              ? t('console.user.disabled', { time: formatDateTime(locale, user.disabledAt) })
              : t('console.user.active')}
          </dd>
        </div>
        <div class="row">
          <dt class="row-label">{t('console.user.language')}</dt>
          <dd class="row-value">{isLocale(user.locale) ? localeNames[user.locale] : '—'}</dd>
        </div>
        <div class="row">
          <dt class="row-label">{t('console.user.staff')}</dt>
          <dd class="row-value">
            {user.staffRole === 'operator'
              ? t('console.role.operator')
              : user.staffRole === 'support'
                ? t('console.role.support')
                : t('console.user.none')}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function MethodsPanel(props: { page: PageContext; overview: UserOverview }) {
  const { page, overview } = props;
  const { t, locale } = page;
  return (
    <section class="panel" aria-labelledby="methods-heading">
      <h2 class="panel-title" id="methods-heading">
        {t('console.user.methods')}
      </h2>
      <p class="panel-text">{t('console.user.methodsIntro')}</p>
      {overview.pendingReset && (
        <Alert kind="info">
          <p>
            {t('console.reset.pending', { time: formatDateTime(locale, overview.pendingReset.effectiveAt) })}
          </p>
        </Alert>
      )}
      {overview.methods.length === 0 ? (
        <p class="panel-note">{t('console.user.noMethods')}</p>
      ) : (
        <table class="console-table">
          <thead>
            <tr>
              <th scope="col">{t('console.user.method.type')}</th>
              <th scope="col">{t('console.user.method.name')}</th>
              <th scope="col">{t('console.user.method.created')}</th>
              <th scope="col">{t('console.user.method.lastUsed')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.methods.map((m) => (
              <tr>
                <td>
                  {methodTypeName(t, m.type)}
                  {m.status === 'pending' && (
                    <span class="badge badge-neutral">{t('console.user.method.pending')}</span>
                  )}
                </td>
                <td>{m.label}</td>
                <td>
                  <LocalTime locale={locale} at={m.createdAt} />
                </td>
                <td>
                  {m.lastUsedAt ? (
                    <LocalTime locale={locale} at={m.lastUsedAt} />
                  ) : (
                    t('console.user.method.never')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="panel-note">{t('console.user.recoveryLeft', { count: overview.recoveryCodesLeft })}</p>
    </section>
  );
}

function SessionsPanel(props: { page: PageContext; overview: UserOverview }) {
  const { page, overview } = props;
  const { t } = page;
  return (
    <section class="panel" aria-labelledby="sessions-heading">
      <h2 class="panel-title" id="sessions-heading">
        {t('console.user.sessions')}
      </h2>
      {overview.sessions.length === 0 ? (
        <p class="panel-note">{t('console.user.noSessions')}</p>
      ) : (
        <ul class="item-list">
          {overview.sessions.map((s) => (
            <FactsItem
              title={
                <>
                  {deviceLabel(t, s.userAgent)}
                  {s.state === 'second_factor' && (
                    <span class="badge badge-neutral">{t('console.user.session.waiting')}</span>
                  )}
                </>
              }
            >
              <SessionTimes page={page} session={s} />
              <Fact label={t('security.devices.ip')} mono>
                {s.ip}
              </Fact>
            </FactsItem>
          ))}
        </ul>
      )}
    </section>
  );
}

function hoursText(t: Translate, ms: number): string {
  return t('console.hours', { count: Math.round(ms / 3_600_000) });
}

function ActionsPanel(props: UserPageProps) {
  const { page, overview, staff } = props;
  const { t, csrfToken } = page;
  const { user } = overview;
  const base = `/console/users/${encodeURIComponent(user.id)}`;
  if (!mayActOn(staff, user)) {
    return (
      <section class="panel" aria-labelledby="actions-heading">
        <h2 class="panel-title" id="actions-heading">
          {t('console.user.actions')}
        </h2>
        <p class="panel-note">{t('console.action.notAllowed')}</p>
      </section>
    );
  }
  const hasTwoFactor = overview.methods.length > 0 || overview.recoveryCodesLeft > 0;
  const reasonError = props.resetProblem?.message;
  return (
    <>
      <section class="panel" aria-labelledby="actions-heading">
        <h2 class="panel-title" id="actions-heading">
          {t('console.user.actions')}
        </h2>
        <p class="panel-text">{t('console.user.actionsIntro')}</p>
        <div class="console-actions">
          <PostForm action={`${base}/sign-out`} csrfToken={csrfToken} class="console-action">
            <Button variant="secondary">{t('console.action.signOut')}</Button>
            <p class="panel-note">{t('console.action.signOutHint')}</p>
          </PostForm>
          {user.disabledAt ? (
            <PostForm action={`${base}/enable`} csrfToken={csrfToken} class="console-action">
              <Button variant="secondary">{t('console.action.enable')}</Button>
              <p class="panel-note">{t('console.action.enableHint')}</p>
            </PostForm>
          ) : (
            <PostForm action={`${base}/disable`} csrfToken={csrfToken} class="console-action">
              <Button variant="danger">{t('console.action.disable')}</Button>
              <p class="panel-note">{t('console.action.disableHint')}</p>
            </PostForm>
          )}
        </div>
      </section>
      <section class="panel" aria-labelledby="reset-heading">
        <h2 class="panel-title" id="reset-heading">
          {t('console.reset.heading')}
        </h2>
        {!hasTwoFactor ? (
          <p class="panel-note">{t('console.reset.nothing')}</p>
        ) : overview.pendingReset ? (
          <PendingResetActions
            page={page}
            staff={staff}
            base={base}
            reset={overview.pendingReset}
            problem={props.resetProblem}
          />
        ) : (
          <>
            <p class="panel-text">{t('console.reset.intro')}</p>
            <p class="panel-text">
              {props.resetDelayMs > 0
                ? t('console.reset.delay', { delay: hoursText(t, props.resetDelayMs) })
                : t('console.reset.now')}
            </p>
            <PostForm action={`${base}/reset-2fa`} csrfToken={csrfToken} class="form">
              <div class={reasonError ? 'field field-invalid' : 'field'}>
                <FieldLabel
                  id="field-reason"
                  label={t('console.reset.reason')}
                  hint={t('console.reset.reasonHint')}
                />
                <textarea
                  class="field-input console-reason"
                  id="field-reason"
                  name="reason"
                  rows={3}
                  maxlength={500}
                  required
                  aria-invalid={reasonError ? 'true' : undefined}
                  aria-describedby={
                    reasonError ? 'field-reason-hint field-reason-error' : 'field-reason-hint'
                  }
                  autofocus={reasonError ? true : undefined}
                >
                  {props.resetProblem?.reason ?? ''}
                </textarea>
                {reasonError && (
                  <p class="field-error" id="field-reason-error" role="alert">
                    {reasonError}
                  </p>
                )}
              </div>
              <Button variant="danger">{t('console.reset.submit')}</Button>
            </PostForm>
          </>
        )}
      </section>
    </>
  );
}

function ActivityPanel(props: { page: PageContext; overview: UserOverview }) {
  const { page, overview } = props;
  const { t } = page;
  return (
    <section class="panel" aria-labelledby="activity-heading">
      <h2 class="panel-title" id="activity-heading">
        {t('console.user.activity')}
      </h2>
      <ActivityList
        page={page}
        events={overview.events}
        details={(event) => (
          <>
            {typeof event.detail.actorEmail === 'string' && (
              <p class="activity-meta activity-actor">
                {t('console.user.actor', { email: event.detail.actorEmail })}
              </p>
            )}
            {typeof event.detail.reason === 'string' && <p class="activity-meta">“{event.detail.reason}”</p>}
          </>
        )}
      />
    </section>
  );
}
