import { documentKinds } from '../../../../shared/contracts/documents';
import { kindHints, kindLabels } from './kindWords';

export const kindFieldId = (kind: string) => `new-document-kind-${kind}`;

/** "What kind of document is it?" as radio buttons, each with a line saying what it is for. */
export function KindRadios({ error }: { error?: string | undefined }) {
  const errorId = error ? 'new-document-kind-error' : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={errorId}>
        <legend className="field__label">What kind of document is it?</legend>
        {error ? (
          <p className="field__error" id={errorId}>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <div className="radios">
          {documentKinds.map((kind) => (
            <div className="radios__item" key={kind}>
              <input
                className="radios__input"
                type="radio"
                id={kindFieldId(kind)}
                name="kind"
                value={kind}
                aria-describedby={`${kindFieldId(kind)}-hint`}
              />
              <label className="radios__label" htmlFor={kindFieldId(kind)}>
                {kindLabels[kind]}
              </label>
              <p className="radios__hint" id={`${kindFieldId(kind)}-hint`}>
                {kindHints[kind]}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
