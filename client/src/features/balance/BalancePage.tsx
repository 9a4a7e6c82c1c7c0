import type { ReactNode } from 'react';
import type { Balance } from '../../../../shared/contracts/balance';
import { LoadState } from '../../app/LoadState';
import { useResource } from '../../app/useResource';
import { LabelledSection } from '../../components/LabelledSection';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { WorkspaceFailedPage, WorkspacePartPage } from '../workspaces/WorkspacePartPage';
import { getBalance } from './balanceApi';
import { durationWords, percentWords, personWords, roleWord } from './balanceWords';
import { BarChart, type Bar } from './BarChart';
import { DataTable } from './DataTable';

const count = (n: number) => String(n);

/** A chart and its table side by side; a sentence instead of both when there is nothing to count yet. */
function Pair({
  chart,
  table,
  empty,
  isEmpty,
}: {
  chart: ReactNode;
  table: ReactNode;
  empty: string;
  isEmpty: boolean;
}) {
  if (isEmpty) return <p>{empty}</p>;
  return (
    <div className="balance-pair">
      {chart}
      {table}
    </div>
  );
}

/** "Carers 75%, Editors 25%": the chart's summary for people who cannot see it. */
const summaryOf = (title: string, bars: readonly Bar[], format: (n: number) => string) =>
  `${title}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join('; ')}.`;

function BalanceView({ balance }: { balance: Balance }) {
  const { heard } = balance;
  const heardByRole = heard.byRole.map((r) => ({ label: roleWord(r.role), value: r.seconds }));
  const heardByPerson = heard.byPerson.map((p) => ({ label: personWords(p), value: p.seconds }));
  const writing = balance.writing.map((w) => ({ label: roleWord(w.role), value: w.documents }));
  const comments = balance.comments.map((c) => ({ label: roleWord(c.role), value: c.total }));
  const signoffs = balance.signoffs.map((s) => ({ label: roleWord(s.role), value: s.approved + s.changesRequested }));
  const noEpisodes = 'Nobody is heard yet: no episode has been published.';

  return (
    <>
      <LabelledSection className="section" headingId="heard-heading" headingClass="heading-l" title="Who is heard">
        <p>
          From {balance.episodes === 1 ? 'the one published episode' : `the ${balance.episodes} published episodes`}:{' '}
          {durationWords(heard.totalSeconds)} of voices in all. People are named only if they chose to be credited by
          name.
        </p>
        <h3 className="heading-m">By role</h3>
        <Pair
          isEmpty={heardByRole.length === 0}
          empty={noEpisodes}
          chart={
            <BarChart
              bars={heardByRole}
              valueLabel="Seconds heard"
              format={durationWords}
              summary={summaryOf('Time heard in published episodes, by role', heardByRole, durationWords)}
            />
          }
          table={
            <DataTable
              caption="Time heard in published episodes, by role"
              headers={['Role', 'Time heard', 'Share', 'People']}
              rows={heard.byRole.map((r) => [
                roleWord(r.role),
                durationWords(r.seconds),
                percentWords(r.share),
                count(r.people),
              ])}
            />
          }
        />
        <h3 className="heading-m">By person</h3>
        <Pair
          isEmpty={heardByPerson.length === 0}
          empty={noEpisodes}
          chart={
            <BarChart
              bars={heardByPerson}
              valueLabel="Seconds heard"
              format={durationWords}
              summary={summaryOf('Time heard in published episodes, by person', heardByPerson, durationWords)}
            />
          }
          table={
            <DataTable
              caption="Time heard in published episodes, by person"
              headers={['Person', 'Role', 'Time heard', 'Episodes']}
              rows={heard.byPerson.map((p) => [
                personWords(p),
                roleWord(p.role),
                durationWords(p.seconds),
                count(p.episodes),
              ])}
            />
          }
        />
      </LabelledSection>

      <LabelledSection className="section" headingId="writing-heading" headingClass="heading-l" title="Who writes">
        <p>
          How many of the publication’s documents and the episode scripts each role has written in. Chorus does not
          count words per person, so this counts documents and writers.
        </p>
        <Pair
          isEmpty={writing.length === 0}
          empty="Nobody has written in the publication or a script yet."
          chart={
            <BarChart
              bars={writing}
              valueLabel="Documents written in"
              format={count}
              whole
              summary={summaryOf('Documents written in, by role', writing, count)}
            />
          }
          table={
            <DataTable
              caption="Documents written in, by role"
              headers={['Role', 'Documents', 'Writers']}
              rows={balance.writing.map((w) => [roleWord(w.role), count(w.documents), count(w.people)])}
            />
          }
        />
      </LabelledSection>

      <LabelledSection className="section" headingId="comments-heading" headingClass="heading-l" title="Who comments">
        <Pair
          isEmpty={comments.length === 0}
          empty="Nobody has commented yet."
          chart={
            <BarChart
              bars={comments}
              valueLabel="Comments"
              format={count}
              whole
              summary={summaryOf('Comments on documents and recordings, by role', comments, count)}
            />
          }
          table={
            <DataTable
              caption="Comments on documents and recordings, by role"
              headers={['Role', 'On documents', 'On recordings', 'In all']}
              rows={balance.comments.map((c) => [
                roleWord(c.role),
                count(c.documentComments),
                count(c.clipComments),
                count(c.total),
              ])}
            />
          }
        />
      </LabelledSection>

      <LabelledSection className="section" headingId="signoffs-heading" headingClass="heading-l" title="Who signs off">
        <Pair
          isEmpty={signoffs.length === 0}
          empty="Nobody has signed off their parts in an episode yet."
          chart={
            <BarChart
              bars={signoffs}
              valueLabel="Sign-offs given"
              format={count}
              whole
              summary={summaryOf('Sign-offs given, by role', signoffs, count)}
            />
          }
          table={
            <DataTable
              caption="Sign-offs given, by role"
              headers={['Role', 'Approved', 'Asked for a change']}
              rows={balance.signoffs.map((s) => [roleWord(s.role), count(s.approved), count(s.changesRequested)])}
            />
          }
        />
      </LabelledSection>
    </>
  );
}

/** `/w/:id/balance`: whose voices are heard, who writes, comments and signs off, as charts with tables beside them. */
export function BalancePage({ workspaceId }: { workspaceId: string }) {
  const { user, workspace } = useWorkspacePage(workspaceId);
  const [balance] = useResource(`${user?.id ?? ''}:${workspaceId}`, user ? () => getBalance(workspaceId) : null);
  if (workspace.status === 'failed') {
    return <WorkspaceFailedPage error={workspace.error} title="We could not open this page" />;
  }
  return (
    <WorkspacePartPage
      workspaceId={workspaceId}
      workspaceName={workspace.status === 'ready' ? workspace.data.name : undefined}
      title="Whose voices are heard"
      wide
    >
      <p className="lead">
        Who is heard in the published episodes, and who writes, comments and signs off: so the team can see whether
        power is shared.
      </p>
      <LoadState resource={balance} loading="Counting…" />
      {balance.status === 'ready' ? <BalanceView balance={balance.data} /> : null}
    </WorkspacePartPage>
  );
}
