import type { TwoFactorSummary } from '../../../app/two-factor/two-factor-status.js';
import { catalogs, type MessageKey, type Translate } from '../../../i18n/translate.js';
import { ButtonLink } from '../components/button.js';
import { LocalTime } from '../components/local-time.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';

const setupPath = '/security/two-factor/setup';

/** The method kind in words; a kind added later without words yet shows a neutral name. */
function methodTypeName(t: Translate, type: string): string {
  const key = `security.method.${type}`;
  return key in catalogs.en ? t(key as MessageKey) : t('security.method.other');
}

function recoveryCodesText(t: Translate, left: number): string {
  if (left === 0) return t('security.twoFactor.recoveryNone');
  return left === 1
    ? t('security.twoFactor.recoveryOne')
    : t('security.twoFactor.recoveryOther', { count: left });
}

/** Whether a second step protects the account, with which methods, and the way to set one up. */
export function TwoFactorSection(props: { page: PageContext; summary: TwoFactorSummary }) {
  const { page, summary } = props;
  const { t } = page;
  return (
    <section class="panel" aria-labelledby="two-factor-heading">
      <div class="panel-head">
        <h2 class="panel-title" id="two-factor-heading">
          {t('security.twoFactor.heading')}
        </h2>
        <span class={summary.enabled ? 'badge badge-on' : 'badge badge-off'}>
          {summary.enabled ? t('security.twoFactor.on') : t('security.twoFactor.off')}
        </span>
      </div>
      {summary.enabled ? <EnabledBody page={page} summary={summary} /> : <SetupCallout page={page} />}
    </section>
  );
}

function SetupCallout(props: { page: PageContext }) {
  const { t } = props.page;
  return (
    <div class="callout">
      <svg class="callout-icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect x="9" y="3" width="14" height="26" rx="3" />
        <path d="M13 25h6M12.5 14.5l2.5 2.5 4.5-4.5" />
      </svg>
      <div class="callout-body">
        <p class="callout-text">{t('security.twoFactor.offText')}</p>
        <ButtonLink href={setupPath}>{t('security.twoFactor.setUp')}</ButtonLink>
      </div>
    </div>
  );
}

function EnabledBody(props: { page: PageContext; summary: TwoFactorSummary }) {
  const { page, summary } = props;
  const { t, locale } = page;
  return (
    <>
      <p class="panel-text">{t('security.twoFactor.onText')}</p>
      <ul class="item-list" aria-label={t('security.twoFactor.methods')}>
        {summary.methods.map((method) => {
          const typeName = methodTypeName(t, method.type);
          const title = method.label || typeName;
          return (
            <li class="item">
              <MethodIcon type={method.type} />
              <div class="item-body">
                <p class="item-title">
                  {title}
                  {summary.primary === method.id && (
                    <span class="badge badge-neutral">{t('security.twoFactor.primary')}</span>
                  )}
                </p>
                <p class="item-meta">
                  {title !== typeName && <span>{typeName}</span>}
                  <span>
                    {t('security.twoFactor.added')}{' '}
                    <LocalTime locale={locale} at={method.createdAt} dateOnly />
                  </span>
                  <span>
                    {method.lastUsedAt ? (
                      <>
                        {t('security.twoFactor.lastUsed')}{' '}
                        <LocalTime locale={locale} at={method.lastUsedAt} />
                      </>
                    ) : (
                      t('security.twoFactor.neverUsed')
                    )}
                  </span>
                </p>
                <MethodActions
                  page={page}
                  methodId={method.id}
                  changes={destinationKind(method.type)}
                  canBePrimary={summary.primary !== method.id && summary.methods.length > 1}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <RecoveryCodes page={page} left={summary.recoveryCodesLeft} />
      <div class="actions">
        <ButtonLink href={setupPath} variant="secondary">
          {t('security.twoFactor.addMethod')}
        </ButtonLink>
      </div>
    </>
  );
}

/** What "Change" moves for a method that sends codes: an address or a number. */
function destinationKind(type: string): 'email' | 'phone' | undefined {
  if (type === 'email') return 'email';
  return type === 'sms' || type === 'voice' ? 'phone' : undefined;
}

/** Rename, make primary and remove: each asks for the password first when sudo has lapsed. */
function MethodActions(props: {
  page: PageContext;
  methodId: string;
  canBePrimary: boolean;
  /** E-mail, SMS and voice methods can move to a new address or number. */
  changes?: 'email' | 'phone' | undefined;
}) {
  const { t, csrfToken } = props.page;
  const base = `/security/two-factor/methods/${encodeURIComponent(props.methodId)}`;
  return (
    <div class="method-actions">
      {props.canBePrimary && (
        <PostForm action={`${base}/primary`} csrfToken={csrfToken}>
          <button type="submit" class="button button-secondary button-small">
            {t('methods.makePrimary')}
          </button>
        </PostForm>
      )}
      {props.changes && (
        <a class="button button-quiet button-small" href={`${base}/change`}>
          {t(`methods.change.${props.changes}`)}
        </a>
      )}
      <a class="button button-quiet button-small" href={`${base}/rename`}>
        {t('methods.rename')}
      </a>
      <a class="button button-quiet button-small" href={`${base}/remove`}>
        {t('methods.remove')}
      </a>
    </div>
  );
}

/** How many codes are left, a warning at three or fewer, and a fresh set on request. */
function RecoveryCodes(props: { page: PageContext; left: number }) {
  const { t, csrfToken } = props.page;
  const low = props.left <= 3;
  return (
    <div class={low ? 'recovery recovery-low' : 'recovery'}>
      <p>
        {recoveryCodesText(t, props.left)}
        {low && props.left > 0 && ` ${t('recovery.low')}`}
      </p>
      <PostForm action="/security/two-factor/recovery-codes" csrfToken={csrfToken}>
        <button type="submit" class="button button-secondary button-small">
          {t('recovery.regenerate')}
        </button>
        <span class="field-hint"> {t('recovery.regenerateHint')}</span>
      </PostForm>
    </div>
  );
}

// Simple line drawings, 24×24, styled by .item-icon: an app, an envelope, a message, a handset, a key.
const methodIcons: Record<string, string> = {
  totp: 'M7 2.5h10a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2ZM10.5 18.5h3M9 10l2 2 4-4',
  email: 'M3.5 5.5h17a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-17a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1ZM3 6.5l9 6.5 9-6.5',
  sms: 'M4.5 4.5h15a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H10l-4.5 3.5v-3.5h-1a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2ZM8 11h.01M12 11h.01M16 11h.01',
  voice:
    'M6.6 3.5h2.6l1.4 4.2-2 1.4a11 11 0 0 0 6.3 6.3l1.4-2 4.2 1.4v2.6a2 2 0 0 1-2.2 2A16.5 16.5 0 0 1 4.6 5.7a2 2 0 0 1 2-2.2Z',
  other: 'M14.5 3.5a6 6 0 1 1-4.3 10.2L4.5 19.5v-3h-1v-3h3l2.2-2.2A6 6 0 0 1 14.5 3.5ZM16 8h.01',
};

function MethodIcon(props: { type: string }) {
  return (
    <svg class="item-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={methodIcons[props.type] ?? methodIcons.other} />
    </svg>
  );
}
