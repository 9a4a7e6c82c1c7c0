import { useState, type FormEvent } from 'react';
import { showBodySchema, type Show } from '../../../../shared/contracts/episodes';
import { ApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../components/useFormProblems';
import { TextArea } from '../clips/TextArea';
import { putShow } from './episodesApi';
import { FeedAddress } from './FeedAddress';

const ids = {
  title: 'show-title',
  description: 'show-description',
  language: 'show-language',
  category: 'show-category',
  subcategory: 'show-subcategory',
  explicit: 'show-explicit',
  author: 'show-author',
  ownerName: 'show-owner-name',
  ownerEmail: 'show-owner-email',
  artworkUrl: 'show-artwork-url',
};

/** The show (the podcast's channel in the feed): what podcast apps show about it. Admins and editors change it. */
export function ShowForm({
  workspaceId,
  show,
  mayEdit,
  onSaved,
  onError,
}: {
  workspaceId: string;
  show: Show | null;
  mayEdit: boolean;
  onSaved(): void;
  onError(e: boolean): void;
}) {
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  if (!mayEdit) {
    return (
      <section className="panel panel--quiet" aria-labelledby="show-heading">
        <h2 className="heading-l" id="show-heading">
          The show
        </h2>
        {show ? (
          <>
            <p>
              <strong>{show.title}</strong> — {show.description}
            </p>
            <FeedAddress url={show.feedUrl} />
          </>
        ) : (
          <p>The show has not been set up yet. An admin or editor can do that here.</p>
        )}
      </section>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const optional = (name: string) => formText(form, name).trim() || null;
    const body = {
      title: formText(form, 'title'),
      description: formText(form, 'description'),
      language: formText(form, 'language'),
      category: formText(form, 'category'),
      subcategory: optional('subcategory'),
      explicit: new FormData(form).get('explicit') === 'yes',
      author: formText(form, 'author'),
      ownerName: formText(form, 'ownerName'),
      ownerEmail: formText(form, 'ownerEmail').trim(),
      artworkUrl: optional('artworkUrl'),
    };
    problems.clear();
    setSaved('');
    const checked = showBodySchema.safeParse(body);
    if (!checked.success) {
      onError(true);
      const fields = checked.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return problems.show(new ApiError('validation_failed', 'Check the form.', { status: 400, fields }));
    }
    setBusy(true);
    try {
      await putShow(workspaceId, checked.data);
      onError(false);
      setSaved('The show is saved.');
      onSaved();
    } catch (e) {
      problems.show(e);
      onError(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="show-heading">
      <h2 className="heading-l" id="show-heading">
        The show
      </h2>
      <p>What podcast apps show about the podcast as a whole. It must be set up before an episode can be published.</p>
      {show ? <FeedAddress url={show.feedUrl} /> : null}
      <ErrorSummary items={problems.summary} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={ids.title}
          name="title"
          label="Show title"
          defaultValue={show?.title ?? ''}
          error={problems.fieldError('title')}
        />
        <TextArea
          id={ids.description}
          name="description"
          label="What the show is about"
          defaultValue={show?.description ?? ''}
          error={problems.fieldError('description')}
        />
        <TextField
          id={ids.language}
          name="language"
          label="Language"
          hint="A language code: en for English, en-gb for British English, cy for Welsh."
          defaultValue={show?.language ?? 'en-gb'}
          className="input--short"
          error={problems.fieldError('language')}
        />
        <TextField
          id={ids.category}
          name="category"
          label="Category"
          hint="An Apple Podcasts category, like Health & Fitness."
          defaultValue={show?.category ?? ''}
          error={problems.fieldError('category')}
        />
        <TextField
          id={ids.subcategory}
          name="subcategory"
          label="Subcategory (optional)"
          hint="Like Mental Health."
          defaultValue={show?.subcategory ?? ''}
          error={problems.fieldError('subcategory')}
        />
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="checkbox"
            id={ids.explicit}
            name="explicit"
            value="yes"
            defaultChecked={show?.explicit ?? false}
          />
          <label className="checkbox__label" htmlFor={ids.explicit}>
            The show has explicit content (swearing or adult themes)
          </label>
        </div>
        <TextField
          id={ids.author}
          name="author"
          label="Author"
          hint="Who makes the show, as listeners will see it."
          defaultValue={show?.author ?? ''}
          error={problems.fieldError('author')}
        />
        <TextField
          id={ids.ownerName}
          name="ownerName"
          label="Owner’s name"
          hint="Podcast directories contact this person."
          defaultValue={show?.ownerName ?? ''}
          error={problems.fieldError('ownerName')}
        />
        <TextField
          id={ids.ownerEmail}
          name="ownerEmail"
          type="email"
          label="Owner’s email address"
          defaultValue={show?.ownerEmail ?? ''}
          error={problems.fieldError('ownerEmail')}
        />
        <TextField
          id={ids.artworkUrl}
          name="artworkUrl"
          label="Artwork address (optional)"
          hint="A square picture, 1400 to 3000 pixels, at an address starting with https://."
          defaultValue={show?.artworkUrl ?? ''}
          error={problems.fieldError('artworkUrl')}
        />
        <Button type="submit" busy={busy}>
          Save the show
        </Button>
      </form>
      <StatusMessage tone="success">{saved}</StatusMessage>
    </section>
  );
}
