import {
  agreedChoices,
  expenseKindLabels,
  expenseKinds,
  type ExpenseKind,
  type StatementLine,
} from '../../../../shared/contracts/involvement';
import { parseMinor } from '../../../../shared/involvement/money';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { addExpense, markDiscussed } from './involvementApi';
import { choiceWords } from './involvementWords';

interface LineActionsProps {
  line: StatementLine;
  personId: string;
  currency: string;
  onChanged(): void;
}

/** An admin's actions on one line of a person's statement: record a cost, and settle a "talk to me first". */
export function LineActions({ line, personId, currency, onChanged }: LineActionsProps) {
  const base = `line-${line.activityId}`;
  const expenseIds = {
    kind: `${base}-expense-kind`,
    amountMinor: `${base}-expense-amount`,
    note: `${base}-expense-note`,
  };
  const expense = useSubmitForm(expenseIds, {
    read: (el) => ({
      kind: formText(el, 'kind') as ExpenseKind,
      amount: parseMinor(formText(el, 'amountMinor'), currency),
      note: formText(el, 'note').trim(),
    }),
    check: ({ amount }) =>
      amount === undefined ? [{ path: 'amountMinor', message: 'Enter the amount, like 6.40' }] : [],
    send: async ({ kind, amount, note }, el) => {
      await addExpense(line.activityId, personId, { kind, amountMinor: amount ?? 0, ...(note ? { note } : {}) });
      el.reset();
      onChanged();
    },
  });
  const discussedIds = { choice: `${base}-agreed` };
  const discussed = useSubmitForm(discussedIds, {
    read: (el) => ({ choice: formText(el, 'choice') as (typeof agreedChoices)[number] }),
    send: async ({ choice }) => {
      await markDiscussed(line.activityId, personId, { choice });
      onChanged();
    },
  });
  return (
    <details className="involvement-actions">
      <summary>Record a cost{line.state === 'on_hold' ? ' or what was agreed' : ''}</summary>
      {line.state === 'on_hold' ? (
        <FormWithSummary form={discussed} submit="We talked it through">
          <SelectField
            {...discussed.problems.field('choice')}
            label="What did you agree?"
            options={agreedChoices.map((c) => ({ value: c, label: choiceWords[c] }))}
          />
        </FormWithSummary>
      ) : null}
      <FormWithSummary form={expense} submit="Add cost">
        <SelectField
          {...expense.problems.field('kind')}
          label="Kind of cost"
          options={expenseKinds.map((k) => ({ value: k, label: expenseKindLabels[k] }))}
        />
        <TextField
          {...expense.problems.field('amountMinor')}
          label={`Amount (${currency})`}
          inputMode="decimal"
          autoComplete="off"
        />
        <TextField {...expense.problems.field('note')} label="Note (optional)" autoComplete="off" />
      </FormWithSummary>
    </details>
  );
}
