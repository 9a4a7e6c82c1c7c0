import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clip } from '../../../../shared/contracts/clips';
import { currentConsentWording } from '../../../../shared/contracts/clips';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { StatusMessage } from '../../components/StatusMessage';
import { findInterrupted, type Interrupted } from './findInterrupted';
import { pieceStore } from './pieceStore';
import { discardRecording } from './recordingApi';
import { RecordStep } from './RecordStep';
import type { Sendable } from './sendRecording';
import { SendStep } from './SendStep';
import { SentStep } from './SentStep';
import { InterruptedStep } from './InterruptedStep';
import { useTake } from './useTake';
import { LoadedWorkspacePage, WorkspacePartPage } from '../workspaces/WorkspacePartPage';

type Step =
  | { name: 'checking' }
  | { name: 'interrupted'; recording: Interrupted }
  | { name: 'record' }
  | { name: 'send'; recording: Sendable; from: 'record' | 'interrupted'; interrupted?: Interrupted }
  | { name: 'sent'; clip: Clip };

const titles: Record<Step['name'], string> = {
  checking: 'Tell a story',
  interrupted: 'You have a recording that was interrupted',
  record: 'Tell a story',
  send: currentConsentWording.heading,
  sent: 'Thank you — your story has been sent',
};

/** `/w/:id/record`: tell a story. One thing per screen: record, choose what it may be used for, sent. */
export function RecordPage({ workspaceId }: { workspaceId: string }) {
  return (
    <LoadedWorkspacePage
      workspaceId={workspaceId}
      failedTitle="We could not open this page"
      loadingTitle="Tell a story"
      loadingText="Loading…"
    >
      {(workspace, user) => <Recording workspace={workspace} userId={user.id} />}
    </LoadedWorkspacePage>
  );
}

function Recording({ workspace, userId }: { workspace: Workspace; userId: string }) {
  const take = useTake(workspace.id, userId);
  const [step, setStep] = useState<Step>({ name: 'checking' });
  const [title, setTitle] = useState('');
  const moved = useRef(false);

  const check = useCallback(async () => {
    const found = await findInterrupted(workspace.id, userId).catch(() => []);
    setStep(found[0] ? { name: 'interrupted', recording: found[0] } : { name: 'record' });
  }, [workspace.id, userId]);

  useEffect(() => {
    void check();
  }, [check]);

  // Each step is a new screen: its heading takes focus, so it is read out first.
  useEffect(() => {
    if (step.name === 'checking') return;
    if (!moved.current) {
      moved.current = true;
      if (step.name === 'record') return; // the first screen of the page: focus stays where the browser put it
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [step]);

  const throwAway = async (recording: Interrupted) => {
    recording.uploader?.stop();
    if (recording.serverId) await discardRecording(recording.serverId).catch(() => undefined);
    if (recording.localKey) await (await pieceStore()).forget(recording.localKey).catch(() => undefined);
    await check();
  };

  return (
    <WorkspacePartPage workspaceId={workspace.id} workspaceName={workspace.name} title={titles[step.name]}>
      {step.name === 'checking' ? <StatusMessage>Checking for recordings that were not sent…</StatusMessage> : null}
      {step.name === 'interrupted' ? (
        <InterruptedStep
          recording={step.recording}
          onSend={() =>
            setStep({ name: 'send', recording: step.recording, from: 'interrupted', interrupted: step.recording })
          }
          onThrowAway={() => throwAway(step.recording)}
          onLater={() => setStep({ name: 'record' })}
        />
      ) : null}
      {step.name === 'record' ? (
        <>
          {take.recorder.state === 'idle' ? (
            <p className="lead">
              Press Record and tell your story in your own words. Take your time: you can pause, listen back and record
              again before you send it.
            </p>
          ) : null}
          <RecordStep
            take={take}
            title={title}
            onTitle={setTitle}
            onSend={() => {
              const recording = take.sendable(title);
              if (recording) setStep({ name: 'send', recording, from: 'record' });
            }}
          />
        </>
      ) : null}
      {step.name === 'send' ? (
        <SendStep
          recording={step.recording}
          backLabel={step.from === 'record' ? 'Go back to your recording' : 'Go back'}
          onBack={() =>
            setStep(step.interrupted ? { name: 'interrupted', recording: step.interrupted } : { name: 'record' })
          }
          onSent={(clip) => {
            if (step.from === 'record') take.clear();
            setTitle('');
            setStep({ name: 'sent', clip });
          }}
        />
      ) : null}
      {step.name === 'sent' ? (
        <SentStep clip={step.clip} workspaceId={workspace.id} onAnother={() => void check()} />
      ) : null}
    </WorkspacePartPage>
  );
}
