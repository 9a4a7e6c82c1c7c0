import { useState } from 'react';
import { LoadState } from '../../app/LoadState';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { LabelledSection } from '../../components/LabelledSection';
import { listMembers } from '../members/membersApi';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { LoadingWorkspacePartPage } from '../workspaces/WorkspacePartPage';
import { ActivityLog } from './ActivityLog';
import { CsvDownloadForm } from './CsvDownloadForm';
import { getRates, listActivities } from './involvementApi';
import { statementPath } from './involvementPaths';
import { MyActivity } from './MyActivity';
import { RatesForm } from './RatesForm';
import { RecordActivityForm } from './RecordActivityForm';

/**
 * `/w/:id/involvement`: everyone's own activities to confirm, with how they want to be thanked; for staff the log
 * and a form to record an activity; for admins the rates and the finance team's CSV.
 */
export function InvolvementPage({ workspaceId }: { workspaceId: string }) {
  const [formError, setFormError] = useState(false);
  const { user, workspace, key } = useWorkspacePage(workspaceId);
  const [log, reloadLog] = useResource(key, user ? () => listActivities(workspaceId) : null);
  const abilities = log.status === 'ready' ? log.data.abilities : null;
  const [members] = useResource(
    `${key}:${String(abilities?.record)}`,
    abilities?.record ? () => listMembers(workspaceId) : null,
  );
  const [rates, reloadRates] = useResource(
    `${key}:${String(abilities?.managePayments)}`,
    abilities?.managePayments ? () => getRates(workspaceId) : null,
  );

  const mine =
    log.status === 'ready' && user
      ? log.data.activities.filter((a) => a.participants.some((p) => p.userId === user.id))
      : [];

  return (
    <LoadingWorkspacePartPage
      workspaceId={workspaceId}
      workspace={workspace}
      failedTitle="We could not open this page"
      title="Involvement"
      hasError={formError}
      wide
    >
      <p className="lead">The time you give to this project, and how you want to be thanked for it.</p>
      <LoadState resource={log} loading="Loading activities…" />
      {log.status === 'ready' && user ? (
        <LabelledSection
          className="section"
          headingId="my-involvement-heading"
          headingClass="heading-l"
          title="My involvement"
        >
          {mine.length === 0 ? <p>Nothing is recorded for you yet.</p> : null}
          {mine.map((a) => (
            <MyActivity key={a.id} activity={a} myId={user.id} onAnswered={reloadLog} onError={setFormError} />
          ))}
          <p>
            <Link href={statementPath(workspaceId, 'me')}>See my statement</Link>: what you are paid and the costs paid
            back.
          </p>
        </LabelledSection>
      ) : null}
      {abilities?.record && members.status === 'ready' ? (
        <RecordActivityForm
          workspaceId={workspaceId}
          members={members.data}
          onRecorded={reloadLog}
          onError={setFormError}
        />
      ) : null}
      {abilities?.viewAll && log.status === 'ready' ? (
        <ActivityLog
          workspaceId={workspaceId}
          activities={log.data.activities}
          showStatements={abilities.managePayments}
        />
      ) : null}
      {abilities?.managePayments ? (
        <>
          {rates.status === 'ready' ? (
            <RatesForm workspaceId={workspaceId} rates={rates.data} onSaved={reloadRates} onError={setFormError} />
          ) : (
            <LoadState resource={rates} loading="Loading rates…" />
          )}
          <LabelledSection
            className="section"
            headingId="finance-heading"
            headingClass="heading-l"
            title="For the finance team"
          >
            <p className="field__hint">
              One line per person per activity, with fees, travel, care cover and other costs. Nothing is listed to pay
              for anyone who asked to talk first about their benefits.
            </p>
            <CsvDownloadForm workspaceId={workspaceId} />
          </LabelledSection>
        </>
      ) : null}
    </LoadingWorkspacePartPage>
  );
}
