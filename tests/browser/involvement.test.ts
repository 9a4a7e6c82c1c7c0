import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { axeFindings } from './support/accessibility';
import { journeyServer } from './support/journeyServer';
import { adaAdmin, adminStartsWorkspace, createInviteLink, joinByInvite } from './support/journeys';

/**
 * Journey 11, Given back: after a group meeting the admin logs who came and for how long; the carer confirms it
 * and chooses a voucher; the admin sees it on the carer's statement, adds her bus fare and downloads the finance
 * team's CSV.
 */
describe('a record of involvement, and what was given back', () => {
  const server = journeyServer();

  it('lets a carer confirm a meeting and choose a voucher, and the admin download the payments CSV', async () => {
    const admin = (await server.person()).page;
    await adminStartsWorkspace(admin, adaAdmin);
    const link = await createInviteLink(admin, 'carer');
    const carer = (await server.person()).page;
    await joinByInvite(carer, link, {
      name: 'Cara Carer',
      email: 'cara@example.com',
      password: 'another good password',
    });

    // The admin sets the rates, then records the meeting with Cara in it.
    await admin.reload();
    await admin.getByRole('link', { name: 'Involvement', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Involvement' }).waitFor();
    const rates = admin.getByRole('region', { name: 'Rates' });
    await rates.getByLabel('Per hour').fill('25.00');
    await rates.getByLabel('Half a day (up to 4 hours)').fill('75');
    await rates.getByLabel('A day (over 4 hours)').fill('150.00');
    await rates.getByRole('button', { name: 'Save rates' }).click();
    await rates.getByRole('status').filter({ hasText: 'The rates are saved.' }).waitFor();

    const record = admin.getByRole('region', { name: 'Record an activity' });
    await record.getByLabel('What kind of activity').selectOption('meeting');
    await record.getByLabel('What it was for').fill('Group meeting about respite');
    await record.getByLabel('Date').fill('2026-03-14');
    await record.getByLabel('How long, in minutes').fill('90');
    await record.getByLabel('Cara Carer (Carer)').check();
    await record.getByRole('button', { name: 'Record activity' }).click();
    await record.getByRole('status').filter({ hasText: 'The activity is recorded.' }).waitFor();
    const log = admin.getByRole('region', { name: 'Everyone’s activities' });
    await log.getByText('Cara Carer: Not yet confirmed').waitFor();

    // Cara opens Involvement, sees the meeting in plain words, says it is right and chooses a voucher.
    await carer.getByRole('link', { name: 'Involvement', exact: true }).click();
    const meeting = carer.getByRole('region', { name: 'Group meeting about respite' });
    await meeting.getByText('Saturday 14 March 2026').waitFor();
    await meeting.getByText('1 hour 30 minutes').waitFor();
    expect(await carer.getByRole('region', { name: 'Record an activity' }).count()).toBe(0);
    expect(await carer.getByRole('region', { name: 'Rates' }).count()).toBe(0);
    expect(await axeFindings(carer)).toEqual([]);
    await meeting.getByRole('radio', { name: 'Yes, this is right' }).check();
    await meeting.getByRole('radio', { name: 'A shopping voucher instead' }).check();
    await meeting.getByRole('button', { name: 'Save my answer' }).click();
    await carer.getByRole('status').filter({ hasText: 'Thank you. Your answer is saved.' }).waitFor();
    await meeting.getByText('Confirmed · A voucher').waitFor();

    await carer.getByRole('link', { name: 'See my statement' }).click();
    await carer.getByRole('heading', { level: 1, name: 'My statement' }).waitFor();
    await carer.getByText('Voucher: £37.50').waitFor();
    expect(await axeFindings(carer)).toEqual([]);

    // The admin sees Cara's answer, and downloads the CSV for the finance team.
    await admin.reload();
    await log.getByText('Cara Carer: Confirmed · A voucher').waitFor();
    expect(await axeFindings(admin)).toEqual([]);

    // From the log, the admin opens Cara's statement and records her bus fare.
    await log.getByRole('link', { name: 'Cara Carer' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Statement for Cara Carer' }).waitFor();
    await admin.getByText('Voucher: £37.50').waitFor();
    await admin.getByText('Record a cost').click();
    await admin.getByLabel('Kind of cost').selectOption('travel');
    await admin.getByLabel('Amount (GBP)').fill('6.40');
    await admin.getByLabel('Note (optional)').fill('Bus there and back');
    expect(await axeFindings(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Add cost' }).click();
    await admin.getByText('Travel: £6.40 (Bus there and back)').waitFor();
    const totals = admin.getByRole('region', { name: 'Totals' });
    await totals.getByText('£43.90').waitFor();
    await admin.getByRole('link', { name: 'Back to involvement' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Involvement' }).waitFor();

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Download payments (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('involvement-payments.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const records = csv.split('\r\n');
    expect(records[0]).toBe(
      'Person,Email,Date,Activity,Kind,Minutes,Status,Fee basis,Fee,Travel,Care cover,Other expenses,Total,Currency',
    );
    expect(records[1]).toBe(
      'Cara Carer,cara@example.com,2026-03-14,Group meeting about respite,Meeting,90,Voucher,hourly,37.50,6.40,0.00,0.00,43.90,GBP',
    );
  });
});
