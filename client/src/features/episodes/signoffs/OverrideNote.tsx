import type { SignoffList } from '../../../../../shared/contracts/signoffs';
import { whenWords } from '../../clips/clipWords';

/** The admin who published before everyone had signed off, when, and why: on the episode for everyone to read. */
export function OverrideNote({ override }: { override: NonNullable<SignoffList['override']> }) {
  return (
    <p className="signoffs__override">
      {override.by.name} published it on {whenWords(override.at)} before everyone had signed off, giving this reason: “
      {override.reason}”
    </p>
  );
}
