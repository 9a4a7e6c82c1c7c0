import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

export interface RadioOption {
  value: string;
  label: ReactNode;
  /** A line under the label saying what choosing it means. */
  hint?: ReactNode;
}

interface RadioFieldProps {
  /** Names the ids: each radio is `${idBase}-${value}` (see radioId), the error `${idBase}-error`. */
  idBase: string;
  name: string;
  legend: string;
  options: readonly RadioOption[];
  error?: string | undefined;
  /** The option chosen to begin with; none when left out, so choosing is the person's own act. */
  defaultValue?: string | undefined;
  /** Labels in ordinary weight, for options that are whole sentences. */
  plainLabels?: boolean;
}

/** The id of one radio of a RadioField, for the error summary to jump to. */
export const radioId = (idBase: string, value: string) => `${idBase}-${value}`;

/** One question answered by choosing one option: a legend, its problem, then the radios. */
export function RadioField({
  idBase,
  name,
  legend,
  options,
  error,
  defaultValue,
  plainLabels = false,
}: RadioFieldProps) {
  const errorId = error ? `${idBase}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={errorId}>
        <legend className="field__label">{legend}</legend>
        <FieldError id={errorId} error={error} />
        <div className="radios">
          {options.map((option) => {
            const id = radioId(idBase, option.value);
            const hintId = option.hint ? `${id}-hint` : undefined;
            return (
              <div className="radios__item" key={option.value}>
                <input
                  className="radios__input"
                  type="radio"
                  id={id}
                  name={name}
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  aria-describedby={hintId}
                />
                <label className={plainLabels ? 'radios__label radios__label--plain' : 'radios__label'} htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <p className="radios__hint" id={hintId}>
                    {option.hint}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
