/** A field's label and, when it has one, its hint; the hint's id is `${id}-hint`, for `aria-describedby`. */
export function FieldLabel(props: { id: string; label: string; hint?: string | undefined }) {
  const { id } = props;
  return (
    <>
      <label class="field-label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </>
  );
}
