import { FormPanel } from '../../components/FormPanel';
import { LabelledSection } from '../../components/LabelledSection';
import { showBodySchema, type Show } from '../../../../shared/contracts/episodes';
import { Checkbox } from '../../components/Checkbox';
import { formText } from '../../components/formText';
import { schemaProblems } from '../../components/schemaProblems';
import { TextField } from '../../components/TextField';
import type { FormProblems } from '../../components/useFormProblems';
import { useSubmitForm } from '../../components/useSubmitForm';
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
type ShowPath = keyof typeof ids;

/** One of the show's boxes of text: which value it holds and what it asks. */
interface ShowTextField {
  name: Exclude<ShowPath, 'explicit'>;
  label: string;
  hint?: string;
  /** Several lines rather than one. */
  multiline?: boolean;
  type?: 'email';
  short?: boolean;
  /** What the box holds before the show is set up. */
  startWith?: string;
}

/** What the show is, as podcast apps list it. */
const whatTheShowIs: ShowTextField[] = [
  { name: 'title', label: 'Show title' },
  { name: 'description', label: 'What the show is about', multiline: true },
  {
    name: 'language',
    label: 'Language',
    hint: 'A language code: en for English, en-gb for British English, cy for Welsh.',
    short: true,
    startWith: 'en-gb',
  },
  { name: 'category', label: 'Category', hint: 'An Apple Podcasts category, like Health & Fitness.' },
  { name: 'subcategory', label: 'Subcategory (optional)', hint: 'Like Mental Health.' },
];

/** Who makes the show, and where its artwork is. */
const whoMakesIt: ShowTextField[] = [
  { name: 'author', label: 'Author', hint: 'Who makes the show, as listeners will see it.' },
  { name: 'ownerName', label: 'Owner’s name', hint: 'Podcast directories contact this person.' },
  { name: 'ownerEmail', label: 'Owner’s email address', type: 'email' },
  {
    name: 'artworkUrl',
    label: 'Artwork address (optional)',
    hint: 'A square picture, 1400 to 3000 pixels, at an address starting with https://.',
  },
];

function ShowTextFields({
  fields,
  show,
  problems,
}: {
  fields: ShowTextField[];
  show: Show | null;
  problems: FormProblems<ShowPath>;
}) {
  return fields.map(({ name, label, hint, multiline, type, short, startWith = '' }) => {
    const field = { ...problems.field(name), label, hint, defaultValue: show?.[name] ?? startWith };
    return multiline ? (
      <TextArea key={name} {...field} />
    ) : (
      <TextField key={name} {...field} type={type} className={short ? 'input--short' : undefined} />
    );
  });
}

function readShow(form: HTMLFormElement) {
  const optional = (name: string) => formText(form, name).trim() || null;
  return {
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
}

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
  const form = useSubmitForm(ids, {
    read: readShow,
    check: (body) => schemaProblems(showBodySchema, body),
    send: async (body) => {
      await putShow(workspaceId, showBodySchema.parse(body));
      onSaved();
    },
    doneMessage: 'The show is saved.',
    onError,
  });

  if (!mayEdit) {
    return (
      <LabelledSection
        className="panel panel--quiet"
        headingId="show-heading"
        headingClass="heading-l"
        title="The show"
      >
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
      </LabelledSection>
    );
  }

  return (
    <FormPanel
      headingId="show-heading"
      title="The show"
      lead={
        <>
          <p>
            What podcast apps show about the podcast as a whole. It must be set up before an episode can be published.
          </p>
          {show ? <FeedAddress url={show.feedUrl} /> : null}
        </>
      }
      saysDone
      form={form}
      submit="Save the show"
    >
      <ShowTextFields fields={whatTheShowIs} show={show} problems={form.problems} />
      <Checkbox
        id={ids.explicit}
        name="explicit"
        value="yes"
        label="The show has explicit content (swearing or adult themes)"
        defaultChecked={show?.explicit ?? false}
      />
      <ShowTextFields fields={whoMakesIt} show={show} problems={form.problems} />
    </FormPanel>
  );
}
