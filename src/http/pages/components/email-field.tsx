import { errorFor, type FormProblem, formLevel } from '../shared/form-problem.js';
import { FormField } from './form-field.js';

/**
 * The address an account is known by, first on its form: typed again when the form comes back, and
 * focused unless a problem takes the focus.
 */
export function EmailField(props: {
  label: string;
  value: string | undefined;
  problem: FormProblem | undefined;
}) {
  const { problem } = props;
  return (
    <FormField
      name="email"
      type="email"
      label={props.label}
      autocomplete="username"
      value={props.value}
      error={errorFor(problem, 'email')}
      describedBy={formLevel(problem)}
      autofocus={!problem}
    />
  );
}
