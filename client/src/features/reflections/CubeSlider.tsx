import { useState } from 'react';
import { cubeMax, cubeMin, cubeWords, type CubeDimension } from '../../../../shared/reflections/ladders';
import { FieldError } from '../../components/FieldError';

/**
 * One of the Cube's four dimensions as a slider from 0 to 100: the question, its two ends in words on either side,
 * and the value as it stands written out, so nobody has to guess where the thumb is.
 */
export function CubeSlider({ id, dimension, error }: { id: string; dimension: CubeDimension; error?: string }) {
  const words = cubeWords[dimension];
  const [value, setValue] = useState(50);
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {words.name}
      </label>
      <div className="field__hint" id={`${id}-hint`}>
        {words.question}
      </div>
      <FieldError id={errorId} error={error} />
      <div className="slider">
        <div className="slider__ends" id={`${id}-ends`}>
          <span>
            {cubeMin}: {words.low}
          </span>
          <span className="slider__high">
            {cubeMax}: {words.high}
          </span>
        </div>
        <input
          className="slider__input"
          type="range"
          id={id}
          name={dimension}
          min={cubeMin}
          max={cubeMax}
          step={1}
          value={value}
          onChange={(e) => setValue(Number(e.currentTarget.value))}
          aria-describedby={[`${id}-hint`, `${id}-ends`, errorId].filter(Boolean).join(' ')}
          aria-valuetext={`${value} out of ${cubeMax}`}
        />
        <output className="slider__value" htmlFor={id} id={`${id}-value`}>
          {value} out of {cubeMax}
        </output>
      </div>
    </div>
  );
}
