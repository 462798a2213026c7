import { Alert } from './alert.js';

/** An error box with one sentence in it, or nothing when there is no error to tell. */
export function ErrorAlert(props: { error: string | undefined }) {
  if (!props.error) return null;
  return (
    <Alert kind="error">
      <p>{props.error}</p>
    </Alert>
  );
}
