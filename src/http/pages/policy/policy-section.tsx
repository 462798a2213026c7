import type { EffectivePolicy, PolicySource } from '../../../core/policy/merge-policies.js';
import { formatDeadline } from '../../../i18n/format-deadline.js';
import type { Translate } from '../../../i18n/translate.js';
import type { PageContext } from '../shared/page-context.js';

const sourceNames = (t: Translate, by: PolicySource[]) =>
  by.map((s) => (s.scope === 'global' ? t('policy.scope.global') : s.name)).join(', ');

function Rule(props: { label: string; value: string; by: PolicySource[]; t: Translate }) {
  return (
    <div class="row">
      <dt class="row-label">{props.label}</dt>
      <dd class="row-value">
        <span class="row-text">
          {props.value}
          {props.by.length > 0 && (
            <span class="policy-source">
              {props.t('policy.row.by', { by: sourceNames(props.t, props.by) })}
            </span>
          )}
        </span>
      </dd>
    </div>
  );
}

/** The rules that apply to this user and who set each: "required from 1 July 2026, set by Acme". */
export function PolicySection(props: { page: PageContext; policy: EffectivePolicy }) {
  const { page, policy } = props;
  const { t } = page;
  const methods = policy.allowedMethods;
  const anyRule =
    policy.requiredFrom ||
    methods.by.length > 0 ||
    policy.backupRequired ||
    policy.maxRememberDeviceDays ||
    policy.sudoMinutes;
  if (!anyRule) return null;
  return (
    <section class="panel" aria-labelledby="policy-heading">
      <h2 class="panel-title" id="policy-heading">
        {t('policy.section.heading')}
      </h2>
      <p class="panel-text">{t('policy.section.intro')}</p>
      <dl class="rows">
        {policy.requiredFrom && (
          <Rule
            t={t}
            label={t('policy.row.required')}
            value={t('policy.row.requiredValue', {
              date: formatDeadline(page.locale, policy.requiredFrom.value, policy.requiredFrom.timeZone),
            })}
            by={policy.requiredFrom.by}
          />
        )}
        {methods.by.length > 0 && (
          <Rule
            t={t}
            label={t('policy.row.methods')}
            value={
              methods.value.length > 0
                ? methods.value.map((m) => t(`policy.method.${m as 'totp'}`)).join(', ')
                : t('policy.row.methodsNone')
            }
            by={methods.by}
          />
        )}
        {policy.backupRequired && (
          <Rule
            t={t}
            label={t('policy.row.backup')}
            value={t(
              policy.recoveryCodesCountAsBackup ? 'policy.row.backupValue' : 'policy.row.backupNoCodes',
            )}
            by={policy.backupRequired.by}
          />
        )}
        {policy.maxRememberDeviceDays && (
          <Rule
            t={t}
            label={t('policy.row.remember')}
            value={
              policy.maxRememberDeviceDays.value === 0
                ? t('policy.row.rememberOff')
                : t('policy.row.rememberValue', { days: policy.maxRememberDeviceDays.value })
            }
            by={policy.maxRememberDeviceDays.by}
          />
        )}
        {policy.sudoMinutes && (
          <Rule
            t={t}
            label={t('policy.row.sudo')}
            value={t('policy.row.sudoValue', { minutes: policy.sudoMinutes.value })}
            by={policy.sudoMinutes.by}
          />
        )}
      </dl>
    </section>
  );
}
