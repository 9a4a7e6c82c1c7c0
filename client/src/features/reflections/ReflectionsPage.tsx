import { lazy, Suspense, useState } from 'react';
import type { ReflectionsView } from '../../../../shared/contracts/reflections';
import { cubeDimensions, cubeWords, ladders } from '../../../../shared/reflections/ladders';
import { monthLabel } from '../../../../shared/reflections/periods';
import { roleLabels } from '../../../../shared/roles';
import { LoadState } from '../../app/LoadState';
import { useResource } from '../../app/useResource';
import { LabelledSection } from '../../components/LabelledSection';
import { StatusMessage } from '../../components/StatusMessage';
import { listMembers } from '../members/membersApi';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { LoadingWorkspacePartPage } from '../workspaces/WorkspacePartPage';
import { PlanToMoveUp } from './PlanToMoveUp';
import { ReflectionForm } from './ReflectionForm';
import { getReflections, getSummary, listActions } from './reflectionsApi';
import { LadderForm, MilestoneForm } from './TeamSettings';

// The charts (Observable Plot, with d3) load only when this page is opened.
const ReflectionCharts = lazy(() => import('./ReflectionCharts').then((m) => ({ default: m.ReflectionCharts })));

const periodName = (view: ReflectionsView, period: string) =>
  view.milestones.find((m) => m.id === period)?.name ?? monthLabel(period);

/** Admins only: everyone's newest answers by name, with their notes. */
function EveryonesAnswers({ view }: { view: ReflectionsView }) {
  if (view.everyone.length === 0) return null;
  return (
    <LabelledSection
      className="section"
      headingId="everyone-heading"
      headingClass="heading-l"
      title="Everyone’s answers"
    >
      <p className="field__hint">Only admins see this list, with names and every note.</p>
      <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label="Table: everyone’s answers">
        <table className="table">
          <caption className="visually-hidden">Everyone’s newest answers</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">When</th>
              <th scope="col">Step</th>
              {cubeDimensions.map((d) => (
                <th scope="col" key={d}>
                  {cubeWords[d].name}
                </th>
              ))}
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {view.everyone.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.name} ({roleLabels[a.role]})
                </th>
                <td>{periodName(view, a.period)}</td>
                <td>
                  {a.rung}. {ladders[a.ladder].rungs[a.rung - 1]?.name}
                </td>
                {cubeDimensions.map((d) => (
                  <td key={d}>{a.cube[d]}</td>
                ))}
                <td className="table__note">{a.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </LabelledSection>
  );
}

/** The reader's own newest answers, so they can see what they said and that it was kept. */
function MyAnswers({ view }: { view: ReflectionsView }) {
  if (view.mine.length === 0) return null;
  return (
    <LabelledSection className="section" headingId="mine-heading" headingClass="heading-m" title="What you said">
      <ul className="card-list">
        {[...view.mine].reverse().map((a) => (
          <li className="card-list__item" key={a.id}>
            <p>
              {periodName(view, a.period)}: step {a.rung}, {ladders[a.ladder].rungs[a.rung - 1]?.name}.
            </p>
            <p className="card-list__meta">
              {cubeDimensions.map((d) => `${cubeWords[d].name} ${a.cube[d]}`).join(', ')}.
              {a.note
                ? ` Your note${a.shareNote ? ' (shared with the team)' : ' (only you and the admins)'}: ${a.note}`
                : ''}
            </p>
          </li>
        ))}
      </ul>
    </LabelledSection>
  );
}

/** What others chose to share, with their role but not their name. */
function SharedNotes({ view }: { view: ReflectionsView }) {
  if (view.sharedNotes.length === 0) return null;
  return (
    <LabelledSection
      className="section"
      headingId="notes-heading"
      headingClass="heading-l"
      title="Notes shared with the team"
    >
      <ul className="card-list">
        {view.sharedNotes.map((n, i) => (
          <li className="card-list__item" key={`${n.createdAt}-${i}`}>
            <p>{n.note}</p>
            <p className="card-list__meta">
              A {roleLabels[n.role].toLowerCase()}, {periodName(view, n.period)}
            </p>
          </li>
        ))}
      </ul>
    </LabelledSection>
  );
}

/**
 * `/w/:id/reflections`: "How are we doing together?" Everyone places the project on the ladder and the Cube, sees
 * each role's answers side by side over time (charts with tables), and the team keeps its plan to move up.
 */
export function ReflectionsPage({ workspaceId }: { workspaceId: string }) {
  const [formError, setFormError] = useState(false);
  const { user, workspace, key } = useWorkspacePage(workspaceId);
  const [view, reloadView] = useResource(key, user ? () => getReflections(workspaceId) : null);
  const [summary, reloadSummary] = useResource(key, user ? () => getSummary(workspaceId) : null);
  const [plan, reloadPlan] = useResource(key, user ? () => listActions(workspaceId) : null);
  const abilities = view.status === 'ready' ? view.data.abilities : null;
  const [members] = useResource(
    `${key}:${String(abilities?.planActions)}`,
    abilities?.planActions ? () => listMembers(workspaceId) : null,
  );

  const reloadAnswers = () => {
    reloadView();
    reloadSummary();
  };

  return (
    <LoadingWorkspacePartPage
      workspaceId={workspaceId}
      workspace={workspace}
      failedTitle="We could not open this page"
      title="How are we doing together?"
      hasError={formError}
      wide
    >
      <p className="lead">
        Who holds the power in this project? Everyone answers the same short questions, at each milestone or any time.
        Then we can see where carers and staff see things differently, and agree what to do about it.
      </p>
      <LoadState resource={view} loading="Loading…" />
      {view.status === 'ready' ? (
        <ReflectionForm
          key={`${view.data.ladder}:${view.data.milestones.length}`}
          workspaceId={workspaceId}
          ladder={view.data.ladder}
          milestones={view.data.milestones}
          onSent={reloadAnswers}
          onError={setFormError}
        />
      ) : null}
      {view.status === 'ready' ? <MyAnswers view={view.data} /> : null}
      {summary.status === 'ready' ? (
        <Suspense fallback={<StatusMessage>Loading the charts…</StatusMessage>}>
          <ReflectionCharts summary={summary.data} />
        </Suspense>
      ) : (
        <LoadState resource={summary} loading="Loading the answers…" />
      )}
      {view.status === 'ready' ? <SharedNotes view={view.data} /> : null}
      {plan.status === 'ready' && view.status === 'ready' ? (
        <PlanToMoveUp
          workspaceId={workspaceId}
          actions={plan.data.actions}
          members={members.status === 'ready' ? members.data : null}
          milestones={view.data.milestones}
          mayEdit={view.data.abilities.planActions}
          onChanged={reloadPlan}
          onError={setFormError}
        />
      ) : null}
      {view.status === 'ready' ? <EveryonesAnswers view={view.data} /> : null}
      {view.status === 'ready' && view.data.abilities.manageMilestones ? (
        <MilestoneForm workspaceId={workspaceId} onAdded={reloadView} onError={setFormError} />
      ) : null}
      {view.status === 'ready' && view.data.abilities.chooseLadder ? (
        <LadderForm
          workspaceId={workspaceId}
          ladder={view.data.ladder}
          onSaved={reloadAnswers}
          onError={setFormError}
        />
      ) : null}
    </LoadingWorkspacePartPage>
  );
}
