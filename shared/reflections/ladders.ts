/**
 * The words of the reflection (docs/reflections.md): the two ladders of participation a workspace can choose and
 * the Cube's four dimensions, each in plain words. Server and client read the same lists, so a rung's number
 * means the same thing on both sides of the wire.
 */

export const ladderKinds = ['arnstein', 'tlap'] as const;
export type LadderKind = (typeof ladderKinds)[number];

export interface Rung {
  /** 1 is the bottom rung. */
  value: number;
  name: string;
  /** What standing on this rung looks like, in plain words. */
  description: string;
  /** The band of the ladder the rung belongs to. */
  group: string;
}

export interface Ladder {
  kind: LadderKind;
  name: string;
  /** Where the ladder comes from, said once under the question. */
  source: string;
  rungs: readonly Rung[];
}

/** Arnstein's ladder of citizen participation (1969): eight rungs in three bands. The seed's own reference. */
const arnstein: Ladder = {
  kind: 'arnstein',
  name: 'Arnstein’s ladder of participation',
  source: 'Sherry Arnstein, “A Ladder of Citizen Participation”, 1969.',
  rungs: [
    {
      value: 1,
      name: 'Manipulation',
      group: 'Not taking part',
      description:
        'People are brought in to agree with what staff have already decided. Their names are used for show.',
    },
    {
      value: 2,
      name: 'Therapy',
      group: 'Not taking part',
      description: 'The aim is to change how people feel or behave, not to hear what they think should change.',
    },
    {
      value: 3,
      name: 'Informing',
      group: 'Token involvement',
      description: 'People are told what is happening, but there is no real way to answer back or change it.',
    },
    {
      value: 4,
      name: 'Consultation',
      group: 'Token involvement',
      description: 'People are asked what they think, but there is no promise that their views will change anything.',
    },
    {
      value: 5,
      name: 'Placation',
      group: 'Token involvement',
      description: 'A few people are given a seat at the table, but staff still make the decisions.',
    },
    {
      value: 6,
      name: 'Partnership',
      group: 'Sharing power',
      description: 'Decisions are made together. Responsibility and planning are shared, and the rules are agreed.',
    },
    {
      value: 7,
      name: 'Delegated power',
      group: 'Sharing power',
      description: 'People with lived experience hold most of the say over some decisions, and staff answer to them.',
    },
    {
      value: 8,
      name: 'Citizen control',
      group: 'Sharing power',
      description: 'People with lived experience run the project themselves: they decide, plan and manage it.',
    },
  ],
};

/** Think Local Act Personal's ladder of co-production: seven steps, from doing to, through doing for, to doing with. */
const tlap: Ladder = {
  kind: 'tlap',
  name: 'The ladder of co-production (Think Local Act Personal)',
  source: 'Think Local Act Personal, “Ladder of co-production”.',
  rungs: [
    {
      value: 1,
      name: 'Coercion',
      group: 'Doing to',
      description: 'People are made to go along with things, and no one asks what they think.',
    },
    {
      value: 2,
      name: 'Educating',
      group: 'Doing to',
      description: 'Staff explain things so that people understand and accept what has been decided.',
    },
    {
      value: 3,
      name: 'Informing',
      group: 'Doing for',
      description: 'People are told what is happening and why, but cannot change it.',
    },
    {
      value: 4,
      name: 'Consultation',
      group: 'Doing for',
      description: 'People are asked for their views, but staff decide what to do with them.',
    },
    {
      value: 5,
      name: 'Engagement',
      group: 'Doing for',
      description: 'People have more chance to have their say and some influence, but staff still hold the power.',
    },
    {
      value: 6,
      name: 'Co-design',
      group: 'Doing with',
      description: 'People help design the work together with staff, and their ideas shape it.',
    },
    {
      value: 7,
      name: 'Co-production',
      group: 'Doing with',
      description: 'An equal partnership: people and staff share power and decide, plan and do the work together.',
    },
  ],
};

export const ladders: Record<LadderKind, Ladder> = { arnstein, tlap };

/** The Cube's four dimensions (Gibson, Britten and Lynch, 2012), each a slider from 0 to 100. */
export const cubeDimensions = ['voice', 'knowledge', 'diversity', 'responsiveness'] as const;
export type CubeDimension = (typeof cubeDimensions)[number];

export interface CubeDimensionWords {
  name: string;
  question: string;
  /** What 0 means. */
  low: string;
  /** What 100 means. */
  high: string;
}

export const cubeWords: Record<CubeDimension, CubeDimensionWords> = {
  voice: {
    name: 'Strength of voice',
    question: 'How much do the views of people with lived experience count?',
    low: 'Our views are heard but make little difference',
    high: 'Our views change what happens',
  },
  knowledge: {
    name: 'Kinds of knowledge',
    question: 'Whose knowledge is valued?',
    low: 'Only professional or research knowledge counts',
    high: 'Lived experience counts as much as professional knowledge',
  },
  diversity: {
    name: 'Range of people',
    question: 'How many different kinds of people take part?',
    low: 'A few people, much alike',
    high: 'Many different people and backgrounds',
  },
  responsiveness: {
    name: 'Willingness to change',
    question: 'How ready is the team or organisation to change because of what it hears?',
    low: 'Nothing changes',
    high: 'The team changes how it works',
  },
};

export const cubeMin = 0;
export const cubeMax = 100;
