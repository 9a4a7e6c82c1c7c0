import { useState } from 'react';
import type { SignoffList } from '../../../../../shared/contracts/signoffs';
import { Button } from '../../../components/Button';
import { LabelledSection } from '../../../components/LabelledSection';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { StatusMessage } from '../../../components/StatusMessage';
import { useAction } from '../../../components/useAction';
import { OverrideNote } from './OverrideNote';
import { putSignoffSetting } from './signoffsApi';
import { signoffStateWords } from './signoffWords';

/**
 * For admins and editors: everyone heard in the episode's newest render and whether they are happy with their
 * parts (updated live as they answer), an admin's override if there was one, and for admins the project's setting.
 */
export function SignoffPanel({
  workspaceId,
  list,
  onChanged,
}: {
  workspaceId: string;
  list: SignoffList;
  onChanged(): void;
}) {
  const { busy, problem, run } = useAction();
  const [said, setSaid] = useState('');
  const approved = list.required.filter((s) => s.state === 'approved').length;

  const toggle = async () => {
    setSaid('');
    const enabled = !list.enabled;
    if (await run(() => putSignoffSetting(workspaceId, enabled))) {
      setSaid(
        enabled
          ? 'Sign-off is on: the people heard are asked before an episode is published.'
          : 'Sign-off is off for this project.',
      );
      onChanged();
    }
  };

  return (
    <LabelledSection
      className="panel signoffs"
      headingId="signoffs-heading"
      headingClass="heading-m"
      title="Sign-off by the people heard"
    >
      {!list.enabled ? (
        <p>This project does not ask the people heard to sign off their parts before an episode is published.</p>
      ) : list.renderId === null ? (
        <p>
          Once the episode is rendered (the sound file is made), everyone heard in it is asked to listen to their parts
          and say whether they are happy with them.
        </p>
      ) : list.required.length === 0 ? (
        <p>Nobody’s recording is heard in the newest render, so there is nobody to ask.</p>
      ) : (
        <>
          <p className="signoffs__summary">
            <strong>
              {list.complete
                ? 'Everyone heard in this episode has signed off their parts.'
                : `${approved} of ${list.required.length} people heard have signed off their parts.`}
            </strong>
          </p>
          <ul className="signoffs__list" aria-label="Who is heard, and what they said">
            {list.required.map((s) => (
              <li key={s.userId} className={`signoffs__person signoffs__person--${s.state}`}>
                <strong>{s.name}</strong>: {signoffStateWords(s)}
                {s.note ? (
                  <blockquote className="review__note">
                    <p>{s.note}</p>
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {list.override ? <OverrideNote override={list.override} /> : null}
      {list.abilities.changeSetting ? (
        <Button variant="secondary" busy={busy} onClick={() => void toggle()}>
          {list.enabled ? 'Stop asking for sign-off in this project' : 'Ask for sign-off before publishing'}
        </Button>
      ) : null}
      <ProblemAlert problem={problem} />
      <div className="visually-hidden">
        <StatusMessage>{said}</StatusMessage>
      </div>
    </LabelledSection>
  );
}
