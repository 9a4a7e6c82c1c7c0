/** A field's problem in words, next to the field; "Error:" is read out before it. Nothing when there is none. */
export function FieldError({ id, error }: { id: string | undefined; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}
