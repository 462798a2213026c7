import { type FormProblem, formErrorId } from '../shared/form-problem.js';
import { Alert } from './alert.js';

/** The message about the whole form, if there is one; its id is what the inputs point at. */
export function FormError(props: { problem: FormProblem | undefined }) {
  const { problem } = props;
  if (!problem || problem.field !== null) return null;
  return (
    <Alert kind="error" id={formErrorId}>
      <p>{problem.message}</p>
    </Alert>
  );
}
