import type { StoredPolicy } from '../../../core/policy/policy.js';
import { instantToZonedTime } from '../../../core/policy/zoned-time.js';
import { methodTypes } from '../../../factors/registry.js';
import { Alert } from '../components/alert.js';
import { Button } from '../components/button.js';
import { FieldLabel } from '../components/field-label.js';
import { PostForm } from '../components/post-form.js';
import type { PageContext } from '../shared/page-context.js';

/** What the organization page needs for its policy form: the stored policy and how the last save went. */
export interface OrganizationPolicyForm {
  organizationId: string;
  policy: StoredPolicy | null;
  outcome?: 'saved' | 'invalid' | undefined;
}

function OptionalField(props: {
  name: string;
  label: string;
  hint: string;
  type: 'datetime-local' | 'text' | 'number';
  value: string;
  min?: number;
  max?: number;
}) {
  const id = `policy-${props.name}`;
  return (
    <div class="field">
      <FieldLabel id={id} label={props.label} hint={props.hint} />
      <input
        class="field-input"
        id={id}
        name={props.name}
        type={props.type}
        value={props.value}
        min={props.min}
        max={props.max}
        autocomplete="off"
        aria-describedby={`${id}-hint`}
      />
    </div>
  );
}

function Checkbox(props: { name: string; value?: string; label: string; checked: boolean }) {
  const id = `policy-${props.name}${props.value ? `-${props.value}` : ''}`;
  return (
    <div class="checkbox">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? 'on'}
        checked={props.checked || undefined}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** The organization's own 2FA policy, for owners and admins to change (the stricter rule wins). */
export function OrganizationPolicySection(props: { page: PageContext; form: OrganizationPolicyForm }) {
  const { page, form } = props;
  const { t } = page;
  const policy = form.policy;
  const zone = policy?.timeZone ?? 'UTC';
  const allowed = policy?.allowedMethods ?? methodTypes;
  const number = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return (
    <section class="panel" aria-labelledby="policy-heading">
      <h2 class="panel-title" id="policy-heading">
        {t('policy.form.heading')}
      </h2>
      <p class="panel-text">{t('policy.form.intro')}</p>
      {form.outcome === 'saved' && (
        <Alert kind="success">
          <p>{t('policy.form.saved')}</p>
        </Alert>
      )}
      {form.outcome === 'invalid' && (
        <Alert kind="error">
          <p>{t('policy.form.invalid')}</p>
        </Alert>
      )}
      <PostForm
        action={`/organizations/${encodeURIComponent(form.organizationId)}/policy`}
        csrfToken={page.csrfToken}
        class="form"
      >
        <OptionalField
          name="requiredFrom"
          type="datetime-local"
          label={t('policy.form.requiredFrom')}
          hint={t('policy.form.requiredFromHint')}
          value={policy?.requiredFrom ? instantToZonedTime(policy.requiredFrom, zone) : ''}
        />
        <OptionalField
          name="timeZone"
          type="text"
          label={t('policy.form.timeZone')}
          hint={t('policy.form.timeZoneHint')}
          value={zone}
        />
        <fieldset class="field">
          <legend class="field-label">{t('policy.form.methods')}</legend>
          <p class="field-hint">{t('policy.form.methodsHint')}</p>
          {methodTypes.map((method) => (
            <Checkbox
              name="allowedMethods"
              value={method}
              label={t(`policy.method.${method}`)}
              checked={allowed.includes(method)}
            />
          ))}
        </fieldset>
        <Checkbox
          name="backupRequired"
          label={t('policy.form.backupRequired')}
          checked={policy?.backupRequired ?? false}
        />
        <Checkbox
          name="recoveryCodesCountAsBackup"
          label={t('policy.form.recoveryCodesCount')}
          checked={policy?.recoveryCodesCountAsBackup ?? true}
        />
        <OptionalField
          name="maxRememberDeviceDays"
          type="number"
          min={0}
          max={365}
          label={t('policy.form.maxRememberDays')}
          hint={t('policy.form.noLimitHint')}
          value={number(policy?.maxRememberDeviceDays)}
        />
        <OptionalField
          name="sudoMinutes"
          type="number"
          min={1}
          max={60}
          label={t('policy.form.sudoMinutes')}
          hint={t('policy.form.noLimitHint')}
          value={number(policy?.sudoMinutes)}
        />
        <Button>{t('policy.form.save')}</Button>
      </PostForm>
    </section>
  );
}
