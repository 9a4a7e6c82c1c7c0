import { useEffect, useRef } from 'react';
import { Button } from '../../components/Button';
import type { MicrophoneProblem } from './useRecorder';

const help: Record<MicrophoneProblem, { title: string; steps: string[] }> = {
  denied: {
    title: 'Chorus is not allowed to use your microphone',
    steps: [
      'Look at the top of the screen, next to the web address, for a small padlock, microphone or settings symbol, and select it.',
      'Find “Microphone” and choose “Allow”.',
      'Then press “Try again” below. If nothing changes, reload the page.',
    ],
  },
  'no-microphone': {
    title: 'We cannot find a microphone',
    steps: [
      'Plug in a microphone or a headset, or use a phone, tablet or laptop with one built in.',
      'Then press “Try again”.',
    ],
  },
  'in-use': {
    title: 'Your microphone is busy',
    steps: ['Another program may be using it, such as a video call. Close that program.', 'Then press “Try again”.'],
  },
  unsupported: {
    title: 'This browser cannot record',
    steps: [
      'Open this page in an up-to-date Chrome, Edge, Firefox or Safari.',
      'Or record on your phone’s voice memo app and upload the file on the Recordings page.',
    ],
  },
  failed: {
    title: 'The recording stopped unexpectedly',
    steps: ['Anything already recorded has been kept.', 'Press “Try again” to start a new recording.'],
  },
};

/** What went wrong with the microphone and how to put it right, in plain steps. Takes focus so it is read out. */
export function MicrophoneHelp({ problem, onTryAgain }: { problem: MicrophoneProblem; onTryAgain(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [problem]);
  const { title, steps } = help[problem];
  return (
    <div className="mic-help" role="alert" aria-labelledby="mic-help-title" tabIndex={-1} ref={ref}>
      <h2 className="heading-m" id="mic-help-title">
        {title}
      </h2>
      <ol className="mic-help__steps">
        {steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <Button variant="secondary" className="button--big" onClick={onTryAgain}>
        Try again
      </Button>
    </div>
  );
}
