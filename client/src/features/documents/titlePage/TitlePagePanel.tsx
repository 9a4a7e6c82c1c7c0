import { useEffect, useState } from 'react';
import { licenceDetails, licences, type TitlePage } from '../../../../../shared/contracts/titlePage';
import { ApiError, toApiError } from '../../../api/ApiError';
import { FormWithSummary } from '../../../components/FormWithSummary';
import { formText } from '../../../components/formText';
import { LabelledSection } from '../../../components/LabelledSection';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SelectField } from '../../../components/SelectField';
import { StatusMessage } from '../../../components/StatusMessage';
import { TextField } from '../../../components/TextField';
import { useSubmitForm } from '../../../components/useSubmitForm';
import { TextArea } from '../../clips/TextArea';
import { getTitlePage, saveTitlePage } from './titlePageApi';
import { TitlePageSummary } from './TitlePageSummary';

const ids = {
  title: 'title-page-title',
  subtitle: 'title-page-subtitle',
  authors: 'title-page-authors',
  organisation: 'title-page-organisation',
  date: 'title-page-date',
  licence: 'title-page-licence',
  isbn: 'title-page-isbn',
  doi: 'title-page-doi',
  funder: 'title-page-funder',
};

const licenceOptions = licences.map((l) => ({ value: l, label: licenceDetails[l].name }));

/** The form's values: authors one per line, empty lines dropped. */
function read(form: HTMLFormElement) {
  return {
    title: formText(form, 'title'),
    subtitle: formText(form, 'subtitle'),
    authors: formText(form, 'authors')
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
    organisation: formText(form, 'organisation'),
    date: formText(form, 'date'),
    licence: formText(form, 'licence') as TitlePage['licence'],
    isbn: formText(form, 'isbn'),
    doi: formText(form, 'doi'),
    funder: formText(form, 'funder'),
  };
}

/** A problem with one author (`authors.2`) is shown next to the Authors box. */
const byField = (e: unknown): ApiError => {
  const error = toApiError(e);
  const fields = error.fields.map((f) => (f.path.startsWith('authors.') ? { ...f, path: 'authors' } : f));
  return new ApiError(error.code, error.message, { status: error.status, fields });
};

/**
 * "Title page": what a publication's exports print on their cover and in "About this publication". Everyone who
 * can read the document sees it; people who may edit the document change it.
 */
export function TitlePagePanel({ documentId, canEdit }: { documentId: string; canEdit: boolean }) {
  const [page, setPage] = useState<TitlePage | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);

  useEffect(() => {
    getTitlePage(documentId).then(
      (r) => setPage(r.titlePage),
      (e: unknown) => setLoadProblem(toApiError(e).message),
    );
  }, [documentId]);

  const form = useSubmitForm(ids, {
    read,
    doneMessage: 'Title page saved. Your next export will show it.',
    send: async (values) => {
      try {
        setPage((await saveTitlePage(documentId, values)).titlePage);
      } catch (e) {
        throw byField(e);
      }
    },
  });

  return (
    <LabelledSection
      className="panel title-page"
      headingId="title-page-heading"
      headingClass="heading-l"
      title="Title page"
    >
      <p>
        What the cover of every export says, and the licence, numbers and funder printed in “About this publication” at
        the end.
      </p>
      <ProblemAlert problem={loadProblem} />
      {page === null ? null : canEdit ? (
        <>
          <StatusMessage tone="success">{form.done}</StatusMessage>
          <FormWithSummary form={form} submit="Save title page">
            <TextField {...form.problems.field('title')} label="Title" defaultValue={page.title} autoComplete="off" />
            <TextField
              {...form.problems.field('subtitle')}
              label="Subtitle (optional)"
              defaultValue={page.subtitle}
              autoComplete="off"
            />
            <TextArea
              {...form.problems.field('authors')}
              label="Authors (optional)"
              hint="One name on each line, in the order they should appear."
              rows={3}
              defaultValue={page.authors.join('\n')}
            />
            <TextField
              {...form.problems.field('organisation')}
              label="Organisation (optional)"
              defaultValue={page.organisation}
              autoComplete="organization"
            />
            <TextField
              {...form.problems.field('date')}
              type="date"
              label="Date (optional)"
              hint="The date printed on the cover."
              defaultValue={page.date ?? ''}
            />
            <SelectField
              {...form.problems.field('licence')}
              label="Licence"
              hint="What readers may do with it. Many funders ask for CC BY 4.0."
              options={licenceOptions}
              defaultValue={page.licence}
            />
            <TextField
              {...form.problems.field('isbn')}
              label="ISBN (optional)"
              hint="10 or 13 digits; hyphens are fine. For example, 978-1-4028-9462-6."
              defaultValue={page.isbn ?? ''}
              autoComplete="off"
              spellCheck={false}
              inputMode="text"
            />
            <TextField
              {...form.problems.field('doi')}
              label="DOI (optional)"
              hint="For example, 10.1234/chorus.2027 or its https://doi.org/ address."
              defaultValue={page.doi ?? ''}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
            />
            <TextArea
              {...form.problems.field('funder')}
              label="Funder statement (optional)"
              hint="The words your funder asks you to print, such as who funded the work and that the views are the authors’."
              rows={3}
              defaultValue={page.funder}
            />
          </FormWithSummary>
        </>
      ) : (
        <TitlePageSummary page={page} />
      )}
    </LabelledSection>
  );
}
