import { activityKindLabels, expenseKindLabels } from '../../../../shared/contracts/involvement';
import { formatMinor, sumMinor } from '../../../../shared/involvement/money';
import { LoadState } from '../../app/LoadState';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { LabelledSection } from '../../components/LabelledSection';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { LoadingWorkspacePartPage } from '../workspaces/WorkspacePartPage';
import { getStatement } from './involvementApi';
import { involvementPath } from './involvementPaths';
import { dateWords, durationWords, lineStateWords } from './involvementWords';
import { LineActions } from './LineActions';

/** `/w/:id/involvement/statements/:userId`: one person's activities, fees, costs paid back and totals. */
export function StatementPage({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  const { user, workspace, ready, key } = useWorkspacePage(workspaceId);
  const [statement, reload] = useResource(`${key}:${userId}`, user ? () => getStatement(workspaceId, userId) : null);
  const s = statement.status === 'ready' ? statement.data : null;
  const mine = s?.person.userId === user?.id;
  const isAdmin = ready?.role === 'admin';
  const money = (minor: number) => (s ? formatMinor(minor, s.currency) : '');
  return (
    <LoadingWorkspacePartPage
      workspaceId={workspaceId}
      workspace={workspace}
      failedTitle="We could not open this statement"
      title={s ? (mine ? 'My statement' : `Statement for ${s.person.name}`) : 'Statement'}
      wide
    >
      <p>
        <Link href={involvementPath(workspaceId)}>Back to involvement</Link>
      </p>
      <LoadState resource={statement} loading="Loading the statement…" />
      {s ? (
        <>
          {!s.ratesSet ? <p>The rates for this project are not set yet, so fees are not shown.</p> : null}
          <LabelledSection className="section" headingId="totals-heading" headingClass="heading-l" title="Totals">
            <dl className="summary-list">
              {(
                [
                  ['Paid to you', s.totals.paidMinor],
                  ['As vouchers', s.totals.voucherMinor],
                  ['Costs paid back', s.totals.expensesMinor],
                  ['Altogether', s.totals.totalMinor],
                ] as const
              ).map(([label, minor]) => (
                <div className="summary-list__row" key={label}>
                  <dt className="summary-list__key">{label}</dt>
                  <dd className="summary-list__value">{money(minor)}</dd>
                </div>
              ))}
            </dl>
          </LabelledSection>
          <LabelledSection className="section" headingId="lines-heading" headingClass="heading-l" title="Activities">
            {s.lines.length === 0 ? <p>Nothing is recorded yet.</p> : null}
            <ul className="card-list">
              {s.lines.map((l) => (
                <li className="card-list__item" key={l.activityId}>
                  <h3 className="heading-m">{l.title}</h3>
                  <p className="card-list__meta">
                    {activityKindLabels[l.kind]} · {dateWords(l.occurredOn)} · {durationWords(l.durationMinutes)}
                  </p>
                  <p>
                    {lineStateWords[l.state]}
                    {l.feeMinor !== null ? `: ${money(l.feeMinor)}` : ''}
                  </p>
                  {l.expenses.length > 0 ? (
                    <ul>
                      {l.expenses.map((e) => (
                        <li key={e.id}>
                          {expenseKindLabels[e.kind]}: {money(e.amountMinor)}
                          {e.note ? ` (${e.note})` : ''}
                          {l.expensesCounted ? '' : ' (not yet paid back)'}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {l.expenses.length > 1 ? (
                    <p>Costs for this: {money(sumMinor(l.expenses.map((e) => e.amountMinor)))}</p>
                  ) : null}
                  {isAdmin ? (
                    <LineActions line={l} personId={s.person.userId} currency={s.currency} onChanged={reload} />
                  ) : null}
                </li>
              ))}
            </ul>
          </LabelledSection>
        </>
      ) : null}
    </LoadingWorkspacePartPage>
  );
}
