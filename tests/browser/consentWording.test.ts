import { describe, expect, it } from 'vitest';
import { consentWordings, currentConsentWording } from '../../shared/contracts/clips';
import { carersTranscribedClip } from './support/transcribedClip';

/**
 * Issue 14 item 7: someone who agreed under consent wording version 1 sees those words on their recording, with a
 * line saying the words were written again since; choosing again shows version 2, which names the button.
 */
describe('consent wording: the version a person agreed to', { timeout: 120_000 }, () => {
  const { made, open } = carersTranscribedClip();

  it('shows version 1 to a consent given under it, and version 2 when choosing again', async () => {
    await made.server.chorus.services.db
      .updateTable('clip_consents')
      .set({ wording_version: 1 })
      .where('clip_id', '=', made.clip.id)
      .execute();
    const page = await open(made.team.people.carer, `/c/${made.clip.id}`);
    const consent = page.getByRole('region', { name: 'Consent' });
    await consent.getByText('More detail', { exact: true }).click();
    await consent.getByText('the words version 1', { exact: false }).waitFor();
    await consent.getByText(consentWordings[1]!.changeYourMind, { exact: false }).waitFor();
    await consent.getByText('The words have been written again since (version 2)', { exact: false }).waitFor();
    expect(await consent.getByText(currentConsentWording.changeYourMind, { exact: false }).count()).toBe(0);

    await consent.getByRole('button', { name: 'Change these choices' }).click();
    await consent.getByText(currentConsentWording.changeYourMind).waitFor();
    expect(currentConsentWording.changeYourMind).toContain('“Withdraw consent”');
    await page.getByRole('button', { name: 'Withdraw consent' }).waitFor();
  });
});
