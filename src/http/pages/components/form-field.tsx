import { FieldLabel } from './field-label.js';

export interface FormFieldProps {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text' | 'tel';
  autocomplete: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  /** Another message that speaks about this field too (a form-level error). */
  describedBy?: string | undefined;
  autofocus?: boolean | undefined;
}

/**
 * A labelled input with its hint and error tied to it by id: a screen reader reads the label,
 * the hint and the error together, and the error is announced when the page comes back with it.
 */
export function FormField(props: FormFieldProps) {
  const id = `field-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, props.describedBy].filter(Boolean).join(' ') || undefined;
  const isEmail = props.type === 'email';
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <FieldLabel id={id} label={props.label} hint={props.hint} />
      <input
        class="field-input"
        id={id}
        name={props.name}
        type={props.type}
        autocomplete={props.autocomplete}
        value={props.type === 'password' ? undefined : props.value}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        autofocus={props.autofocus || Boolean(props.error) || undefined}
        autocapitalize={isEmail || props.type === 'password' ? 'none' : undefined}
        spellcheck={isEmail ? false : undefined}
        inputmode={isEmail ? 'email' : undefined}
      />
      {props.error && (
        <p class="field-error" id={errorId} role="alert">
          <svg class="field-error-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-.9 4.5h1.8v5.2H9.1V6Zm.9 8.4a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
          </svg>
          <span>{props.error}</span>
        </p>
      )}
    </div>
  );
}
