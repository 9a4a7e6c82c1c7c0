import { licenceDetails, type TitlePage } from '../../../../../shared/contracts/titlePage';

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The title page for people who may read but not change it: each field and what it says. */
export function TitlePageSummary({ page }: { page: TitlePage }) {
  const rows: [string, string][] = [
    ['Title', page.title],
    ['Subtitle', page.subtitle],
    ['Authors', page.authors.join(', ')],
    ['Organisation', page.organisation],
    ['Date', page.date ? longDate(page.date) : ''],
    ['Licence', licenceDetails[page.licence].name],
    ['ISBN', page.isbn ?? ''],
    ['DOI', page.doi ?? ''],
    ['Funder statement', page.funder],
  ];
  return (
    <dl className="summary-list">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div className="summary-list__row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
