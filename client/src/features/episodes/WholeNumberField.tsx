import type { ComponentProps } from 'react';
import { TextField } from '../../components/TextField';

/** A whole number typed into a box (an episode or season number): null when left empty, NaN when it is not one. */
export const wholeNumberOrNull = (text: string) =>
  text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;

/** A short box for a whole number, with the number keyboard on phones. */
export function WholeNumberField(props: ComponentProps<typeof TextField>) {
  return <TextField inputMode="numeric" className="input--short" {...props} />;
}
