import type { RatesView } from '../../../../shared/contracts/involvement';
import { decimalOf, isCurrencyCode, parseMinor } from '../../../../shared/involvement/money';
import { FormPanel } from '../../components/FormPanel';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { putRates } from './involvementApi';

const ids = {
  currency: 'rates-currency',
  hourMinor: 'rates-hour',
  halfDayMinor: 'rates-half-day',
  dayMinor: 'rates-day',
};
const amounts = [
  ['hourMinor', 'Per hour'],
  ['halfDayMinor', 'Half a day (up to 4 hours)'],
  ['dayMinor', 'A day (over 4 hours)'],
] as const;

/** Admins set the rate table, modelled on NIHR's payment guidance; amounts typed as money, sent in minor units. */
export function RatesForm({
  workspaceId,
  rates,
  onSaved,
  onError,
}: {
  workspaceId: string;
  rates: RatesView;
  onSaved(): void;
  onError(hasError: boolean): void;
}) {
  const form = useSubmitForm(ids, {
    read: (el) => {
      const currency = formText(el, 'currency').trim().toUpperCase();
      const known = isCurrencyCode(currency);
      return {
        currency,
        known,
        values: Object.fromEntries(
          amounts.map(([name]) => [name, known ? parseMinor(formText(el, name), currency) : undefined]),
        ) as Record<(typeof amounts)[number][0], number | undefined>,
      };
    },
    check: ({ known, values }) => {
      const fields = [];
      if (!known) fields.push({ path: 'currency', message: 'Enter a three-letter currency code, like GBP or EUR' });
      else
        for (const [name, label] of amounts)
          if (values[name] === undefined)
            fields.push({ path: name, message: `Enter the rate for ${label.toLowerCase()} as an amount, like 25.00` });
      return fields;
    },
    send: async ({ currency, values }) => {
      await putRates(workspaceId, {
        currency,
        hourMinor: values.hourMinor ?? 0,
        halfDayMinor: values.halfDayMinor ?? 0,
        dayMinor: values.dayMinor ?? 0,
      });
      onSaved();
    },
    doneMessage: 'The rates are saved.',
    onError,
  });
  const shown = (minor: number | undefined) => (minor === undefined ? '' : decimalOf(minor, rates.currency));
  return (
    <FormPanel
      headingId="rates-heading"
      title="Rates"
      lead={
        <p>
          What people are paid for their time, following NIHR’s payment guidance: up to 4 hours by the hour (never more
          than the half-day rate), over 4 hours the day rate.
        </p>
      }
      saysDone
      form={form}
      submit="Save rates"
    >
      <TextField
        {...form.problems.field('currency')}
        label="Currency"
        hint="Its three-letter code, for example GBP."
        defaultValue={rates.currency}
        autoComplete="off"
        className="input--short"
      />
      {amounts.map(([name, label]) => (
        <TextField
          key={name}
          {...form.problems.field(name)}
          label={label}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={shown(rates.rates?.[name])}
        />
      ))}
    </FormPanel>
  );
}
