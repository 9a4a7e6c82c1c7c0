import { useState } from 'react';
import {
  availableExportFormats,
  exportFormatLabels,
  type DocumentExport,
  type ExportFormat,
} from '../../../../../shared/contracts/exports';
import { FormWithSummary } from '../../../components/FormWithSummary';
import { formText } from '../../../components/formText';
import { LabelledSection } from '../../../components/LabelledSection';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { RadioField } from '../../../components/RadioField';
import { StatusMessage } from '../../../components/StatusMessage';
import { useSubmitForm } from '../../../components/useSubmitForm';
import { startExport } from './exportsApi';
import { exportFinished, useExportProgress } from './useExportProgress';

const idBase = 'export-format';
const ids = { format: `${idBase}-${availableExportFormats[0]}` };

const formatHints: Partial<Record<ExportFormat, string>> = {
  html: 'One page that opens in any web browser.',
  md: 'Plain text with headings, lists and links marked up, for other writing tools.',
  docx: 'For Word, LibreOffice or Google Docs, with headings, lists and tables kept.',
  pdf: 'Ready to print or share, with a cover, a contents page and page numbers. Screen readers can read it.',
  epub: 'For e-book readers and apps, where you can make the text bigger.',
};
const options = availableExportFormats.map((f) => ({ value: f, label: exportFormatLabels[f], hint: formatHints[f] }));

const stateWords = (e: DocumentExport): string => {
  const percent = e.progress === null ? '' : ` ${Math.round(e.progress * 100)}%`;
  if (e.status === 'queued') return 'Waiting to start…';
  if (e.status === 'running') return `Making the file…${percent}`;
  if (e.status === 'ready') return 'Your file is ready.';
  return 'The export failed.';
};

/** "Export": choose a format, follow the progress, download the file. Anyone who can read the document may. */
export function ExportPanel({ documentId, workspaceId }: { documentId: string; workspaceId: string }) {
  const [exportId, setExportId] = useState<string | null>(null);
  const { current, problem } = useExportProgress(workspaceId, exportId);
  const form = useSubmitForm(ids, {
    read: (element) => formText(element, 'format') as ExportFormat,
    send: async (format) => setExportId(await startExport(documentId, { format })),
  });
  const running = current !== null && !exportFinished(current);

  return (
    <LabelledSection className="panel export-panel" headingId="export-heading" headingClass="heading-l" title="Export">
      <p>Make a file of the document as it is now, to share or print. Comments are left out.</p>
      <FormWithSummary form={form} submit={running ? 'Exporting…' : 'Export'}>
        <RadioField
          idBase={idBase}
          name="format"
          legend="Which format?"
          options={options}
          defaultValue={availableExportFormats[0]}
          error={form.problems.field('format').error}
        />
      </FormWithSummary>
      {current && running ? (
        <div className="render-progress">
          <label htmlFor="export-progress">Export progress</label>
          <progress id="export-progress" max={1} value={current.progress ?? 0} />
        </div>
      ) : null}
      <StatusMessage tone={current?.status === 'ready' ? 'success' : 'info'}>
        {current ? stateWords(current) : null}
      </StatusMessage>
      {current?.status === 'ready' && current.url ? (
        <p>
          <a href={current.url} download={current.fileName}>
            Download “{current.fileName}”
          </a>
        </p>
      ) : null}
      <ProblemAlert problem={current?.status === 'failed' ? current.failureReason : problem} />
    </LabelledSection>
  );
}
