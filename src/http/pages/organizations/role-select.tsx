import type { OrganizationRole } from '../../../core/organizations/roles.js';
import type { Translate } from '../../../i18n/translate.js';

/** The roles a caller may hand out: admins never see "owner" offered. */
export function RoleSelect(props: {
  t: Translate;
  id: string;
  label?: string | undefined;
  offered: readonly OrganizationRole[];
  selected: OrganizationRole;
}) {
  const { t } = props;
  return (
    <select class="field-input role-select" id={props.id} name="role" aria-label={props.label}>
      {props.offered.map((role) => (
        <option value={role} selected={role === props.selected}>
          {t(`org.role.${role}`)}
        </option>
      ))}
    </select>
  );
}
