import { useEffect, useRef } from 'react';
import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import { Button } from '../../../components/Button';
import { ConfirmStep, useConfirmStep } from '../../../components/ConfirmStep';
import { restoreVersion } from './versionsApi';
import { versionTime, versionTitle } from './versionWords';

/** The name the server gives the copy of the current text it keeps before restoring (versionOperations.ts). */
export const keptBeforeRestoring = (version: DocumentVersion): string =>
  version.name ? `Before restoring “${version.name}”` : 'Before restoring the automatic copy of …';

/** "Restore this version", asked twice: once to start, once after saying plainly what will happen. */
export function RestoreVersion({
  docId,
  version,
  onRestored,
}: {
  docId: string;
  version: DocumentVersion;
  onRestored(version: DocumentVersion): void;
}) {
  const { confirming, setConfirming, busy, problem, run } = useConfirmStep();
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (!confirming && wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const restore = async () => {
    if (busy) return;
    await run(async () => onRestored(await restoreVersion(docId, version.id)));
  };

  const title = versionTitle(version);
  return (
    <div className="history__restore">
      {problem ? <p className="field__error">{problem}</p> : null}
      {confirming ? (
        <ConfirmStep
          question={`Restore “${title}”?`}
          yes="Yes, restore this version"
          no="No, keep the document as it is"
          busy={busy}
          onYes={() => void restore()}
          onNo={() => setConfirming(false)}
        >
          <p>
            The document will go back to how it was on {versionTime(version)}. Everyone who has it open will see the
            change straight away.
          </p>
          <p>
            Nothing is lost: the text as it is now is saved first, as a version called “{keptBeforeRestoring(version)}”.
            You can bring it back from this list at any time.
          </p>
        </ConfirmStep>
      ) : (
        <Button ref={start} onClick={() => setConfirming(true)}>
          Restore this version
        </Button>
      )}
    </div>
  );
}
