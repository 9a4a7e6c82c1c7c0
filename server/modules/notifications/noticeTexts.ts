import type { ReviewState } from '../../../shared/contracts/clips';
import type { NotificationKind } from '../../../shared/contracts/notifications';

/**
 * Every notice's words, in one place, so they can be checked against the word list (docs/words.md,
 * shared/words/plainWords.ts). `forEveryone` holds what may reach a carer and follows the list; `forEditors` holds
 * what only people who make episodes or publish editions receive (the policy rules decide who, in
 * notificationSources.ts), and may say "render".
 */
const quoted = (s: string) => `“${s}”`;

export const reviewTexts: Partial<Record<ReviewState, (by: string, title: string, note: string | null) => string>> = {
  approved: (by, title) => `${by} checked your recording ${quoted(title)}: it is ready to use.`,
  changes_requested: (by, title, note) =>
    `${by} asked for a change to your recording ${quoted(title)}${note ? `: ${note}` : '.'}`,
  in_review: (by, title) => `${by} is checking your recording ${quoted(title)}.`,
};

export const forEveryone = {
  /** Shown instead of a notice about a recording once its consent no longer lets it be heard (decision 0011). */
  consentTakenBack: 'This was about a recording whose consent was taken back, so it is no longer shown.',
  episodeSignoff: (episode: string) =>
    `Please listen to your parts in the episode ${quoted(episode)} and say whether it may go out.`,
  editionSignoff: (edition: string) =>
    `Your words are quoted in the edition ${quoted(edition)}. Please read your quotes where they stand and say whether it may go out.`,
  taskOffer: (by: string, task: string) =>
    `${by} offered you a task you said you would like to try: ${task}. Say yes or no on the project’s main page, under “What people bring”.`,
  mention: (by: string, document: string, excerpt: string) =>
    `${by} mentioned you in a comment on ${quoted(document)}: ${quoted(excerpt)}`,
  reply: (by: string, document: string) => `${by} answered your comment on ${quoted(document)}.`,
  published: (recording: string, episode: string) =>
    `Your recording ${quoted(recording)} is in the episode ${quoted(episode)}, which anyone can now listen to.`,
};

export const forEditors = {
  renderPassed: (episode: string) => `The episode ${quoted(episode)} has finished rendering and is ready to listen to.`,
  renderFailing: (episode: string) =>
    `The episode ${quoted(episode)} has finished rendering, but it is not at the right loudness, so it cannot go in the feed. Open the episode to see why.`,
  renderFailed: (episode: string) =>
    `The episode ${quoted(episode)} could not be rendered. Open the episode to see why, then try again.`,
  flagged: (episode: string, reason: string) => `The episode ${quoted(episode)} needs your attention: ${reason}`,
  editionWithdrawn: (number: number, title: string, reason: string) =>
    `Edition ${number} of ${quoted(title)} was taken down: ${reason}`,
};

/** Which kinds may reach a carer (everyone's kinds) and which only editors and admins (notificationSources.ts). */
export const editorsOnlyKinds = [
  'render',
  'episode_flagged',
  'edition_withdrawn',
] as const satisfies NotificationKind[];

/** Email subjects, one per kind. */
export const emailSubjects: Record<NotificationKind, string> = {
  mention: 'Someone mentioned you in Chorus',
  reply: 'Someone answered your comment in Chorus',
  review: 'News about your recording in Chorus',
  signoff_request: 'Please listen to your parts in Chorus',
  render: 'An episode has finished rendering in Chorus',
  clip_published: 'Your recording is in a published episode',
  episode_flagged: 'An episode needs your attention in Chorus',
  edition_withdrawn: 'A published edition was taken down in Chorus',
  task_offer: 'Someone offered you a task in Chorus',
};

export const emailFooter = 'You can choose which emails Chorus sends you under “Your settings” in Chorus.';

/** One notice by email, at once. */
export const noticeEmailText = (name: string, text: string, url: string) =>
  `Hello ${name},\n\n${text}\n\nOpen it in Chorus: ${url}\n\n${emailFooter}\n`;

/** The day's notices in one email. */
export const digestEmailText = (name: string, texts: readonly string[], url: string) =>
  `Hello ${name},\n\nHere is what happened in Chorus since your last email:\n\n${texts.map((t) => `- ${t}`).join('\n')}\n\nSee them in Chorus: ${url}\n\nYou get this email once a day. ${emailFooter}\n`;
