import {
  evidenceRows,
  gripp2ItemLabels,
  gripp2Items,
  type Gripp2Body,
  type Gripp2Report,
  type ImpactEntry,
  type ImpactLog,
} from '../../../../shared/contracts/involvementReports';
import { LoadState } from '../../app/LoadState';
import { useResource } from '../../app/useResource';
import { ChartWithTable } from '../../components/ChartWithTable';
import { FormPanel } from '../../components/FormPanel';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { LabelledSection } from '../../components/LabelledSection';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { TextArea } from '../clips/TextArea';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { LoadingWorkspacePartPage } from '../workspaces/WorkspacePartPage';
import { addImpactEntry, getGripp2, getImpactLog, reportDownloadUrl, saveGripp2, setImpactView } from './reportsApi';

const gripp2FieldIds = Object.fromEntries(gripp2Items.map((i) => [i, `gripp2-${i}`])) as Record<
  keyof Gripp2Body,
  string
>;

function Downloads({
  workspaceId,
  report,
  what,
}: {
  workspaceId: string;
  report: 'gripp2' | 'impact-log';
  what: string;
}) {
  const formats = [
    ['docx', 'Word (DOCX)'],
    ['pdf', 'PDF'],
    ['md', 'Markdown'],
  ] as const;
  return (
    <p>
      Download {what}:{' '}
      {formats.map(([format, label], i) => (
        <span key={format}>
          {i > 0 ? ', ' : null}
          <a href={reportDownloadUrl(workspaceId, report, format)} download>
            {label}
          </a>
        </span>
      ))}
    </p>
  );
}

function Gripp2Section({
  workspaceId,
  report,
  onSaved,
}: {
  workspaceId: string;
  report: Gripp2Report;
  onSaved(): void;
}) {
  const form = useSubmitForm(gripp2FieldIds, {
    read: (el) => Object.fromEntries(gripp2Items.map((i) => [i, formText(el, i)])) as Gripp2Body,
    check: (body) =>
      gripp2Items
        .filter((i) => body[i].length > 5000)
        .map((i) => ({ path: i, message: `Keep “${gripp2ItemLabels[i].heading}” to 5000 characters or fewer.` })),
    send: async (body) => {
      await saveGripp2(workspaceId, body);
      onSaved();
    },
    doneMessage: 'The report is saved.',
  });
  return (
    <LabelledSection
      className="section"
      headingId="gripp2-heading"
      headingClass="heading-l"
      title="Our involvement report"
    >
      <p>
        Five questions from GRIPP2, a checklist researchers use to report how patients, carers and the public were
        involved. The team answers them together. The numbers beside them come from Chorus and can be used as evidence.
      </p>
      <Downloads workspaceId={workspaceId} report="gripp2" what="the report" />
      <ChartWithTable
        chart={
          <div>
            {report.abilities.editReport ? (
              <FormWithSummary form={form} submit="Save the report">
                {gripp2Items.map((i) => (
                  <TextArea
                    key={i}
                    {...form.problems.field(i)}
                    name={i}
                    label={gripp2ItemLabels[i].heading}
                    hint={gripp2ItemLabels[i].asks}
                    defaultValue={report.items[i]}
                    rows={4}
                    maxLength={5000}
                  />
                ))}
              </FormWithSummary>
            ) : (
              gripp2Items.map((i) => (
                <div key={i}>
                  <h3 className="heading-m">{gripp2ItemLabels[i].heading}</h3>
                  <p className="field__hint">{gripp2ItemLabels[i].asks}</p>
                  <p>{report.items[i] || 'Not written yet.'}</p>
                </div>
              ))
            )}
            <StatusMessage tone="success">{form.done}</StatusMessage>
          </div>
        }
        table={{
          caption: 'Numbers Chorus keeps, by role (nobody is named)',
          headers: ['What', 'Role', 'Number'],
          rows: evidenceRows(report.evidence),
        }}
      />
    </LabelledSection>
  );
}

function AddEntryForm({ workspaceId, onAdded }: { workspaceId: string; onAdded(): void }) {
  const form = useSubmitForm(
    { occurredOn: 'entry-date', activity: 'entry-activity', whatChanged: 'entry-changed', evidence: 'entry-evidence' },
    {
      read: (el) => ({
        occurredOn: formText(el, 'occurredOn'),
        activity: formText(el, 'activity'),
        whatChanged: formText(el, 'whatChanged'),
        evidence: formText(el, 'evidence'),
      }),
      send: async (body, el) => {
        await addImpactEntry(workspaceId, body);
        el.reset();
        onAdded();
      },
      doneMessage: 'The entry is added. Staff and carers can now add their views.',
    },
  );
  return (
    <FormPanel
      headingId="add-entry-heading"
      title="Add an entry"
      headingClass="heading-m"
      saysDone
      form={form}
      submit="Add entry"
    >
      <TextField {...form.problems.field('occurredOn')} name="occurredOn" type="date" label="When it happened" />
      <TextField
        {...form.problems.field('activity')}
        name="activity"
        label="What involvement happened"
        hint="For example “Carers listened to the first draft of episode 2”."
        autoComplete="off"
      />
      <TextArea {...form.problems.field('whatChanged')} name="whatChanged" label="What changed because of it" />
      <TextArea
        {...form.problems.field('evidence')}
        name="evidence"
        label="Evidence (optional)"
        hint="Where it shows: minutes of a meeting, a new draft, feedback."
      />
    </FormPanel>
  );
}

const sideWords = { staff: 'Staff view', carer: 'Carers’ view' } as const;

function ViewForm({ entry, side, onSaved }: { entry: ImpactEntry; side: 'staff' | 'carer'; onSaved(): void }) {
  const current = side === 'staff' ? entry.staffView : entry.carerView;
  const form = useSubmitForm(
    { text: `view-${entry.id}` },
    {
      read: (el) => formText(el, 'text').trim(),
      check: (text) => (text === '' ? [{ path: 'text', message: 'Write your view before saving it.' }] : []),
      send: async (text) => {
        await setImpactView(entry.id, side, text);
        onSaved();
      },
      doneMessage: 'Your view is saved.',
    },
  );
  return (
    <details className="details">
      <summary>
        {current ? `Change the ${sideWords[side].toLowerCase()}` : `Add your view (${sideWords[side]})`}
      </summary>
      <FormWithSummary form={form} submit="Save view">
        <TextArea
          {...form.problems.field('text')}
          name="text"
          label={`${sideWords[side]}: what difference did it make?`}
          defaultValue={current?.text ?? ''}
        />
      </FormWithSummary>
      <StatusMessage tone="success">{form.done}</StatusMessage>
    </details>
  );
}

function ImpactLogSection({ workspaceId, log, onChanged }: { workspaceId: string; log: ImpactLog; onChanged(): void }) {
  const side = log.abilities.viewSide;
  return (
    <LabelledSection className="section" headingId="impact-heading" headingClass="heading-l" title="Impact log">
      <p>
        What changed because carers and the public were involved. Each entry is answered by both sides: staff say what
        difference they saw, and carers say theirs.
      </p>
      <Downloads workspaceId={workspaceId} report="impact-log" what="the impact log" />
      {log.entries.length === 0 ? <p>No entries yet.</p> : null}
      <ul className="card-list">
        {log.entries.map((entry) => (
          <li className="card-list__item" key={entry.id}>
            <h3 className="heading-m">
              {entry.occurredOn}: {entry.activity}
            </h3>
            <dl className="summary-list">
              <dt>What changed</dt>
              <dd>{entry.whatChanged}</dd>
              <dt>Evidence</dt>
              <dd>{entry.evidence || 'None given.'}</dd>
              <dt>{sideWords.staff}</dt>
              <dd>{entry.staffView?.text ?? 'Not given yet.'}</dd>
              <dt>{sideWords.carer}</dt>
              <dd>{entry.carerView?.text ?? 'Not given yet.'}</dd>
            </dl>
            {side ? <ViewForm entry={entry} side={side} onSaved={onChanged} /> : null}
          </li>
        ))}
      </ul>
      {log.abilities.addEntry ? <AddEntryForm workspaceId={workspaceId} onAdded={onChanged} /> : null}
    </LabelledSection>
  );
}

/** Reports on involvement: the GRIPP2 short-form report with numbers as evidence, and the impact log. */
export function ReportsPage({ workspaceId }: { workspaceId: string }) {
  const { user, workspace, key } = useWorkspacePage(workspaceId);
  const [report, reloadReport] = useResource(key, user ? () => getGripp2(workspaceId) : null);
  const [log, reloadLog] = useResource(key, user ? () => getImpactLog(workspaceId) : null);
  return (
    <LoadingWorkspacePartPage
      workspaceId={workspaceId}
      workspace={workspace}
      failedTitle="We could not open this page"
      title="Reports on involvement"
      wide
    >
      <p className="lead">
        How carers and the public were involved, and what changed because of it: written by the team, to download and
        share.
      </p>
      <LoadState resource={report} loading="Loading the report…" />
      {report.status === 'ready' ? (
        <Gripp2Section workspaceId={workspaceId} report={report.data} onSaved={reloadReport} />
      ) : null}
      <LoadState resource={log} loading="Loading the impact log…" />
      {log.status === 'ready' ? (
        <ImpactLogSection workspaceId={workspaceId} log={log.data} onChanged={reloadLog} />
      ) : null}
    </LoadingWorkspacePartPage>
  );
}
