import { CommitField, type CommitFieldProps } from './CommitField';
import { parseTrimTime, trimTime } from './episodeWords';

const parse = (text: string) => {
  const parsed = parseTrimTime(text);
  return parsed === null
    ? { problem: 'Enter a time in minutes and seconds, like 0:05.5' }
    : { value: Math.round(parsed * 1000) / 1000 };
};

const input = { className: 'input input--time', inputMode: 'decimal', autoComplete: 'off', spellCheck: false } as const;

/** A time typed as minutes and seconds ("1:05.5"); it takes effect on Enter or on leaving the field. */
export function TimeField({ seconds, ...field }: Omit<CommitFieldProps<number>, 'value'> & { seconds: number }) {
  return (
    <CommitField<number>
      {...field}
      value={seconds}
      format={trimTime}
      parse={parse}
      same={(typed, value) => Math.abs(typed - value) <= 0.0005}
      tidyWhenSame
      input={input}
    />
  );
}
