import type { Role } from '../../../../shared/roles';

/** The three help pages, by who they are for; admins read the editors' page (they may do all an editor does). */
export type HelpTopic = 'carers' | 'editors' | 'experts';

export const helpTopics: ReadonlyArray<{ topic: HelpTopic; title: string; about: string }> = [
  {
    topic: 'carers',
    title: 'How Chorus works for carers',
    about: 'Recording your story, saying how it may be used, and changing your mind.',
  },
  {
    topic: 'editors',
    title: 'How Chorus works for editors',
    about: 'Checking recordings, making and publishing episodes, and asking people to approve their parts.',
  },
  {
    topic: 'experts',
    title: 'How Chorus works for experts',
    about: 'Writing the publication together, commenting, and recording your own part.',
  },
];

export const helpPath = (topic: HelpTopic) => `/help/${topic}`;

export function topicForRole(role: Role): HelpTopic {
  if (role === 'carer') return 'carers';
  if (role === 'expert') return 'experts';
  return 'editors';
}

export const isHelpTopic = (value: string): value is HelpTopic => helpTopics.some((t) => t.topic === value);
