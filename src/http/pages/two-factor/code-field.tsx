import { FieldLabel } from '../components/field-label.js';

/**
 * The field a one-time code goes in: numeric keypad on phones, the code offered from an SMS or
 * the password manager (`one-time-code`), spaces allowed ("123 456"), no spell checking.
 */
export function CodeField(props: {
  name: string;
  label: string;
  hint: string;
  error?: string | undefined;
  numeric: boolean;
  autofocus?: boolean;
}) {
  const id = `field-${props.name}`;
  const describedBy = [`${id}-hint`, props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <FieldLabel id={id} label={props.label} hint={props.hint} />
      <input
        class={props.numeric ? 'field-input field-code' : 'field-input field-code field-code-text'}
        id={id}
        name={props.name}
        type="text"
        inputmode={props.numeric ? 'numeric' : 'text'}
        autocomplete="one-time-code"
        autocapitalize="none"
        spellcheck={false}
        maxlength={props.numeric ? 12 : 24}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        autofocus={props.autofocus ?? true}
      />
      {props.error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          <span>{props.error}</span>
        </p>
      )}
    </div>
  );
}
