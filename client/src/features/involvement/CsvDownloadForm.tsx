import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { formText } from '../../components/formText';
import { TextField } from '../../components/TextField';
import { paymentsCsvUrl } from './involvementApi';

/**
 * The finance team's CSV, for every date or between two (inclusive). A plain GET form: the browser downloads the
 * file the server names; the dates are checked here first so a mistake is said next to the field.
 */
export function CsvDownloadForm({ workspaceId }: { workspaceId: string }) {
  const [problem, setProblem] = useState<string | undefined>();
  const check = (event: FormEvent<HTMLFormElement>) => {
    const from = formText(event.currentTarget, 'from');
    const to = formText(event.currentTarget, 'to');
    if (from && to && from > to) {
      event.preventDefault();
      setProblem('Choose a “to” date on or after the “from” date');
    } else setProblem(undefined);
  };
  return (
    <form method="get" action={paymentsCsvUrl(workspaceId)} onSubmit={check} noValidate>
      <TextField id="csv-from" name="from" type="date" label="From (optional)" />
      <TextField id="csv-to" name="to" type="date" label="To (optional)" error={problem} />
      <Button type="submit" variant="secondary">
        Download payments (CSV)
      </Button>
    </form>
  );
}
