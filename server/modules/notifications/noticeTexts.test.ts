import { describe, expect, it } from 'vitest';
import { notificationKinds } from '../../../shared/contracts/notifications';
import { roles } from '../../../shared/roles';
import { tryableTaskLabels } from '../../../shared/contracts/strengths';
import { jargonIn } from '../../../shared/words/plainWords';
import { editionRoleMay, episodeRoleMay } from '../../policies/rules';
import {
  digestEmailText,
  editorsOnlyKinds,
  emailSubjects,
  forEditors,
  forEveryone,
  noticeEmailText,
  reviewTexts,
} from './noticeTexts';

/** Names and titles that carry no words of the list, so any found come from our own wording. */
const [by, title, other, note] = ['Ann Admin', 'Sunday dinners', 'Being heard', 'Say more about Tuesdays.'];

/** Every text a carer may be sent, each with every kind of value it takes. */
function carerTexts(): Array<[string, string]> {
  const texts: Array<[string, string]> = [
    ['episode sign-off', forEveryone.episodeSignoff(title)],
    ['edition sign-off', forEveryone.editionSignoff(title)],
    ['mention', forEveryone.mention(by, title, 'Is this right?')],
    ['reply', forEveryone.reply(by, title)],
    ['published', forEveryone.published(title, other)],
    ['consent taken back', forEveryone.consentTakenBack],
    ...Object.values(tryableTaskLabels).map((task): [string, string] => [
      `task offer: ${task}`,
      forEveryone.taskOffer(by, task.toLowerCase()),
    ]),
    ...Object.entries(reviewTexts).flatMap(([state, words]): Array<[string, string]> => [
      [`review ${state}`, words!(by, title, null)],
      [`review ${state} with a note`, words!(by, title, note)],
    ]),
    ...notificationKinds
      .filter((k) => !(editorsOnlyKinds as readonly string[]).includes(k))
      .map((k): [string, string] => [`email subject: ${k}`, emailSubjects[k]]),
  ];
  const all = texts.map(([, t]) => t);
  texts.push(['email', noticeEmailText(by, all[0]!, 'https://chorus.example.org/e/1')]);
  texts.push(['daily email', digestEmailText(by, all, 'https://chorus.example.org/notifications')]);
  return texts;
}

describe('notification texts and the word list (docs/words.md)', () => {
  it('says nothing from the never-say list in any text a carer may receive', () => {
    const found = carerTexts()
      .map(([what, text]) => [what, jargonIn(text)] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });

  it('sends the editors-only kinds only to roles a carer does not have, so their words may say render', () => {
    // The people told: episodePeople(…, 'episode.render' | 'episode.edit') and editionRoleMay(…, 'edition.publish').
    expect(episodeRoleMay('carer', 'episode.render')).toBe(false);
    expect(episodeRoleMay('carer', 'episode.edit')).toBe(false);
    expect(editionRoleMay('carer', 'edition.publish')).toBe(false);
    expect(roles.filter((r) => episodeRoleMay(r, 'episode.render'))).toEqual(['admin', 'editor']);
    // Their texts do use editors' words: the check above is what keeps them off a carer's screen.
    expect(jargonIn(forEditors.renderFailing(title))).toEqual(expect.arrayContaining(['render*', 'feed']));
    expect(jargonIn(forEditors.flagged(title, 'Take it out.'))).toEqual([]);
  });

  it('would catch jargon in a carer’s text (the check is not vacuous)', () => {
    expect(jargonIn(forEditors.renderPassed(title))).toEqual(['render*']);
    expect(jargonIn(`Your clip ${title} was flagged.`)).toEqual(['clip', 'flag*']);
  });
});
