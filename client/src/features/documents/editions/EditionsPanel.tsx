import { useCallback, useEffect, useState } from 'react';
import type { DocumentVersion } from '../../../../../shared/contracts/documentVersions';
import type { Edition } from '../../../../../shared/contracts/editions';
import { Button } from '../../../components/Button';
import { focusWhenShown } from '../../../components/focusWhenShown';
import { FormWithSummary } from '../../../components/FormWithSummary';
import { formText } from '../../../components/formText';
import { LabelledSection } from '../../../components/LabelledSection';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SelectField } from '../../../components/SelectField';
import { StatusMessage } from '../../../components/StatusMessage';
import { TextField } from '../../../components/TextField';
import { useAction } from '../../../components/useAction';
import { useSubmitForm } from '../../../components/useSubmitForm';
import { toApiError } from '../../../api/ApiError';
import { dayWords } from '../../clips/clipWords';
import { listVersions } from '../history/versionsApi';
import { listEditions, publishEdition, unpublishEdition } from './editionsApi';

const ids = { versionId: 'edition-version', title: 'edition-title' };

/** Where an edition stands, in plain words. */
export function editionStateWords(e: Edition): string {
  switch (e.status) {
    case 'preparing':
      return `Making its files… ${Math.round(e.progress * 100)}%`;
    case 'pending_signoff':
      return `Waiting for ${e.signoffsWaiting === 1 ? 'one person' : `${e.signoffsWaiting} people`} quoted in it to say their quotes are fine. It goes public once they have.`;
    case 'published':
      return `Public since ${e.publishedAt ? dayWords(e.publishedAt) : 'today'}.`;
    case 'unpublished':
      return 'Taken off its public page.';
    default:
      return e.reason ?? 'Taken down.';
  }
}

const stillMoving = (e: Edition) => e.status === 'preparing';
const mayUnpublish = (e: Edition) => ['preparing', 'pending_signoff', 'published'].includes(e.status);

/**
 * "Published editions": publish a numbered edition from a named version (editors and admins), and every edition
 * with where it stands, its public page once public, and a way to take it off that page.
 */
export function EditionsPanel({ documentId }: { documentId: string }) {
  const [editions, setEditions] = useState<Edition[] | null>(null);
  const [mayPublish, setMayPublish] = useState(false);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [named, setNamed] = useState<DocumentVersion[] | null>(null);
  const [said, setSaid] = useState('');
  const action = useAction();

  const load = useCallback(async () => {
    try {
      const list = await listEditions(documentId);
      setEditions(list.editions);
      setMayPublish(list.abilities.publish);
      setLoadProblem(null);
    } catch (e) {
      setLoadProblem(toApiError(e).message);
    }
  }, [documentId]);

  useEffect(() => void load(), [load]);
  // While files are being made, look again every two seconds.
  useEffect(() => {
    if (!editions?.some(stillMoving)) return;
    const timer = setTimeout(() => void load(), 2000);
    return () => clearTimeout(timer);
  }, [editions, load]);

  const open = async () => {
    await action.run(async () => {
      setNamed((await listVersions(documentId)).filter((v) => !v.automatic));
      focusWhenShown(ids.versionId);
    });
  };

  const form = useSubmitForm(ids, {
    read: (element) => ({ versionId: formText(element, 'versionId'), title: formText(element, 'title').trim() }),
    check: (v) => [
      ...(v.versionId === '' ? [{ path: 'versionId', message: 'Choose the version to publish' }] : []),
      ...(v.title === '' ? [{ path: 'title', message: 'Give the edition a title' }] : []),
    ],
    send: async (body) => {
      const made = await publishEdition(documentId, body);
      setNamed(null);
      setSaid(
        `Edition ${made.number} is being made. It goes public once its files are ready and the people quoted in it have said their quotes are fine.`,
      );
      await load();
    },
  });

  const unpublish = async (e: Edition) => {
    setSaid('');
    if (await action.run(() => unpublishEdition(e.id))) {
      setSaid(`Edition ${e.number} was taken off its public page.`);
      await load();
    }
  };

  return (
    <LabelledSection
      className="panel editions"
      headingId="editions-heading"
      headingClass="heading-l"
      title="Published editions"
    >
      <p>
        An edition is a copy of a named version that anyone can read on the web, with PDF, Word and e-book files. If
        someone quoted in it withdraws their recording, the edition is taken down at once.
      </p>
      <StatusMessage tone="success">{said}</StatusMessage>
      <ProblemAlert problem={loadProblem ?? action.problem} />
      {mayPublish && named === null ? (
        <Button variant="secondary" busy={action.busy} onClick={() => void open()}>
          Publish an edition
        </Button>
      ) : null}
      {mayPublish && named !== null ? (
        named.length === 0 ? (
          <p>
            There is no named version yet. Save a named version in “Version history” first, then publish it.{' '}
            <Button variant="secondary" onClick={() => setNamed(null)}>
              Close
            </Button>
          </p>
        ) : (
          <FormWithSummary form={form} submit="Publish this edition">
            <SelectField
              {...form.problems.field('versionId')}
              label="Which version?"
              hint="Only named versions can be published."
              options={named.map((v) => ({ value: v.id, label: v.name ?? '' }))}
            />
            <TextField
              {...form.problems.field('title')}
              label="Title of the edition"
              hint="Printed on the cover and the public page."
              autoComplete="off"
              maxLength={300}
            />
          </FormWithSummary>
        )
      ) : null}
      {editions === null ? null : editions.length === 0 ? (
        <p>No edition has been published yet.</p>
      ) : (
        <ol className="card-list" aria-label="Editions, newest first">
          {editions.map((e) => (
            <li key={e.id} className="card-list__item">
              <h3 className="heading-s">
                Edition {e.number}: {e.title}
              </h3>
              <p className="card-list__meta">{editionStateWords(e)}</p>
              {e.status === 'published' ? (
                <p>
                  <a href={e.publicUrl}>
                    Open the public page<span className="visually-hidden"> of edition {e.number}</span>
                  </a>
                </p>
              ) : null}
              {mayPublish && mayUnpublish(e) ? (
                <Button
                  variant="warning"
                  busy={action.busy}
                  aria-label={`Unpublish edition ${e.number}`}
                  onClick={() => void unpublish(e)}
                >
                  Unpublish
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </LabelledSection>
  );
}
