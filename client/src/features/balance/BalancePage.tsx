import type { Balance, BalanceRole } from '../../../../shared/contracts/balance';
import { LoadState } from '../../app/LoadState';
import { useResource } from '../../app/useResource';
import { ChartWithTable } from '../../components/ChartWithTable';
import { LabelledSection } from '../../components/LabelledSection';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { LoadingWorkspacePartPage } from '../workspaces/WorkspacePartPage';
import { getBalance } from './balanceApi';
import { durationWords, percentWords, personWords, roleWord } from './balanceWords';
import { BarChart } from './BarChart';

const count = (n: number) => String(n);

interface BarsWithTableProps<T> {
  /** The table's caption, and the start of the chart's summary in words. */
  caption: string;
  items: readonly T[];
  /** Each bar's name: also the row's header in the table. */
  label(item: NoInfer<T>): string;
  value(item: T): number;
  /** What the numbers are, under the chart's axis ("Seconds heard"). */
  valueLabel: string;
  format(value: number): string;
  /** Counts of things: the axis shows whole numbers only. */
  whole?: boolean;
  headers: readonly string[];
  /** The row's other cells, after its label. */
  cells(item: T): string[];
  empty: string;
}

/** A bar chart of `items` with their table beside it; a sentence instead of both when there is nothing to count yet. */
function BarsWithTable<T>({
  caption,
  items,
  label,
  value,
  valueLabel,
  format,
  whole,
  ...table
}: BarsWithTableProps<T>) {
  const bars = items.map((item) => ({ label: label(item), value: value(item) }));
  // "Carers 75%, Editors 25%": the chart's summary for people who cannot see it.
  const summary = `${caption}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join('; ')}.`;
  return (
    <ChartWithTable
      empty={table.empty}
      chart={<BarChart bars={bars} valueLabel={valueLabel} format={format} whole={whole} summary={summary} />}
      table={{ caption, headers: table.headers, rows: items.map((item) => [label(item), ...table.cells(item)]) }}
    />
  );
}

const byRole = (r: { role: BalanceRole }) => roleWord(r.role);

function BalanceView({ balance }: { balance: Balance }) {
  const { heard } = balance;
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
        <BarsWithTable
          caption="Time heard in published episodes, by role"
          items={heard.byRole}
          label={byRole}
          value={(r) => r.seconds}
          valueLabel="Seconds heard"
          format={durationWords}
          headers={['Role', 'Time heard', 'Share', 'People']}
          cells={(r) => [durationWords(r.seconds), percentWords(r.share), count(r.people)]}
          empty={noEpisodes}
        />
        <h3 className="heading-m">By person</h3>
        <BarsWithTable
          caption="Time heard in published episodes, by person"
          items={heard.byPerson}
          label={personWords}
          value={(p) => p.seconds}
          valueLabel="Seconds heard"
          format={durationWords}
          headers={['Person', 'Role', 'Time heard', 'Episodes']}
          cells={(p) => [roleWord(p.role), durationWords(p.seconds), count(p.episodes)]}
          empty={noEpisodes}
        />
      </LabelledSection>

      <LabelledSection className="section" headingId="writing-heading" headingClass="heading-l" title="Who writes">
        <p>
          How many of the publication’s documents and the episode scripts each role has written in. Chorus does not
          count words per person, so this counts documents and writers.
        </p>
        <BarsWithTable
          caption="Documents written in, by role"
          items={balance.writing}
          label={byRole}
          value={(w) => w.documents}
          valueLabel="Documents written in"
          format={count}
          whole
          headers={['Role', 'Documents', 'Writers']}
          cells={(w) => [count(w.documents), count(w.people)]}
          empty="Nobody has written in the publication or a script yet."
        />
      </LabelledSection>

      <LabelledSection className="section" headingId="comments-heading" headingClass="heading-l" title="Who comments">
        <BarsWithTable
          caption="Comments on documents and recordings, by role"
          items={balance.comments}
          label={byRole}
          value={(c) => c.total}
          valueLabel="Comments"
          format={count}
          whole
          headers={['Role', 'On documents', 'On recordings', 'In all']}
          cells={(c) => [count(c.documentComments), count(c.clipComments), count(c.total)]}
          empty="Nobody has commented yet."
        />
      </LabelledSection>

      <LabelledSection className="section" headingId="signoffs-heading" headingClass="heading-l" title="Who signs off">
        <BarsWithTable
          caption="Sign-offs given, by role"
          items={balance.signoffs}
          label={byRole}
          value={(s) => s.approved + s.changesRequested}
          valueLabel="Sign-offs given"
          format={count}
          whole
          headers={['Role', 'Approved', 'Asked for a change']}
          cells={(s) => [count(s.approved), count(s.changesRequested)]}
          empty="Nobody has signed off their parts in an episode yet."
        />
      </LabelledSection>
    </>
  );
}

/** `/w/:id/balance`: whose voices are heard, who writes, comments and signs off, as charts with tables beside them. */
export function BalancePage({ workspaceId }: { workspaceId: string }) {
  const { user, workspace, key } = useWorkspacePage(workspaceId);
  const [balance] = useResource(key, user ? () => getBalance(workspaceId) : null);
  return (
    <LoadingWorkspacePartPage
      workspaceId={workspaceId}
      workspace={workspace}
      failedTitle="We could not open this page"
      title="Whose voices are heard"
      wide
    >
      <p className="lead">
        Who is heard in the published episodes, and who writes, comments and signs off: so the team can see whether
        power is shared.
      </p>
      <LoadState resource={balance} loading="Counting…" />
      {balance.status === 'ready' ? <BalanceView balance={balance.data} /> : null}
    </LoadingWorkspacePartPage>
  );
}
