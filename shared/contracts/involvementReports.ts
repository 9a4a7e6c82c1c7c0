import { z } from 'zod';
import { balanceRoleLabels, balanceRoleSchema, type BalanceRole } from './balance';
import { idSchema } from './common';

/**
 * Reports on involvement (issue 12 §4, docs/involvement-reports.md): the GRIPP2 short-form report, its five items
 * written by the team with numbers Chorus keeps offered as evidence, and the impact log, what changed because of
 * involvement, answered by staff and by carers.
 */

/** The five items of the GRIPP2 short form, in their order. */
export const gripp2Items = ['aim', 'methods', 'results', 'discussion', 'reflections'] as const;
export type Gripp2Item = (typeof gripp2Items)[number];

/** Each item's heading and, in plain words, what it asks. */
export const gripp2ItemLabels: Record<Gripp2Item, { heading: string; asks: string }> = {
  aim: {
    heading: '1. Aim',
    asks: 'Why did we involve carers and the public? What did we want their involvement to do?',
  },
  methods: {
    heading: '2. Methods',
    asks: 'How were carers and the public involved: who took part, in what, how often, and how they were supported?',
  },
  results: {
    heading: '3. Results',
    asks: 'What came of their involvement: what changed, good and bad, at each stage?',
  },
  discussion: {
    heading: '4. Discussion and conclusions',
    asks: 'How much did involvement shape the work overall? What difference did it make?',
  },
  reflections: {
    heading: '5. Reflections',
    asks: 'Looking back, what went well, what did not, and what would we do differently next time?',
  },
};

const itemText = z.string().max(5000, { message: 'Keep each part to 5000 characters or fewer.' });

export const gripp2BodySchema = z.strictObject({
  aim: itemText,
  methods: itemText,
  results: itemText,
  discussion: itemText,
  reflections: itemText,
});
export type Gripp2Body = z.infer<typeof gripp2BodySchema>;

/** Numbers Chorus keeps, offered as evidence beside the report: by role only, never by name. */
export const gripp2EvidenceSchema = z.object({
  involvement: z.object({
    activities: z.number().int(),
    /** Hours given by people of each role, over every activity they are listed in (disputed entries left out). */
    byRole: z.array(z.object({ role: balanceRoleSchema, people: z.number().int(), hours: z.number() })),
  }),
  /** Seconds heard per role in published episodes (the balance of voices). */
  heard: z.array(z.object({ role: balanceRoleSchema, seconds: z.number() })),
  publishedEpisodes: z.number().int(),
  /** Reflection-on-power answers given, by the role people had when they answered. */
  reflections: z.array(z.object({ role: z.string(), answers: z.number().int() })),
  /** Sign-offs given, by role. */
  signoffs: z.array(
    z.object({ role: balanceRoleSchema, approved: z.number().int(), changesRequested: z.number().int() }),
  ),
});
export type Gripp2Evidence = z.infer<typeof gripp2EvidenceSchema>;

export const reportAbilitiesSchema = z.object({
  editReport: z.boolean(),
  addEntry: z.boolean(),
  /** Which side's view this person may write: staff (admins, editors, experts) or carer. */
  viewSide: z.enum(['staff', 'carer']).nullable(),
});
export type ReportAbilities = z.infer<typeof reportAbilitiesSchema>;

export const gripp2ReportSchema = z.object({
  items: gripp2BodySchema,
  updatedAt: z.string().nullable(),
  /** The role of who last changed it (names are left out of reports). */
  updatedByRole: z.string().nullable(),
  evidence: gripp2EvidenceSchema,
  abilities: reportAbilitiesSchema,
});
export type Gripp2Report = z.infer<typeof gripp2ReportSchema>;

const dateSchema = z.iso.date({ message: 'Enter the date as year-month-day, for example 2026-03-14.' });
const required = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `Say ${label}.` })
    .max(max, { message: `Keep ${label} to ${max} characters or fewer.` });

export const impactEntryBodySchema = z.strictObject({
  occurredOn: dateSchema,
  activity: required('what involvement happened', 500),
  activityId: idSchema.nullable().optional(),
  whatChanged: required('what changed because of it', 5000),
  evidence: z.string().trim().max(5000, { message: 'Keep the evidence to 5000 characters or fewer.' }).default(''),
});
export type ImpactEntryBody = z.input<typeof impactEntryBodySchema>;

export const impactViewBodySchema = z.strictObject({
  text: required('your view', 5000),
});

/** One side's view. Nobody is named: `mine` says whether the reader wrote it (so they may change it). */
export const impactViewSchema = z.object({ text: z.string(), at: z.string(), mine: z.boolean() }).nullable();

export const impactEntrySchema = z.object({
  id: z.string(),
  occurredOn: z.string(),
  activity: z.string(),
  activityId: z.string().nullable(),
  whatChanged: z.string(),
  evidence: z.string(),
  staffView: impactViewSchema,
  carerView: impactViewSchema,
  createdAt: z.string(),
});
export type ImpactEntry = z.infer<typeof impactEntrySchema>;

export const impactLogSchema = z.object({ entries: z.array(impactEntrySchema), abilities: reportAbilitiesSchema });
export type ImpactLog = z.infer<typeof impactLogSchema>;

export const impactEntryParamsSchema = z.object({ id: idSchema });
export const impactViewParamsSchema = z.object({ id: idSchema, side: z.enum(['staff', 'carer']) });

export const reportFormats = ['md', 'docx', 'pdf'] as const;

const roleLabel = (role: string): string => balanceRoleLabels[role as BalanceRole] ?? role;

export type EvidenceRow = [what: string, role: string, count: string];

/** The evidence numbers as rows: what was counted, for which role, how many. */
export function evidenceRows(evidence: Gripp2Evidence): EvidenceRow[] {
  const row = (what: string, role: string, n: number): EvidenceRow => [what, role, String(n)];
  return [
    row('Activities in the involvement log', 'Everyone', evidence.involvement.activities),
    ...evidence.involvement.byRole.flatMap((r) => [
      row('People who took part', roleLabel(r.role), r.people),
      row('Hours of involvement', roleLabel(r.role), r.hours),
    ]),
    row('Published episodes', 'Everyone', evidence.publishedEpisodes),
    ...evidence.heard.map((r) => row('Seconds heard in published episodes', roleLabel(r.role), r.seconds)),
    ...evidence.reflections.map((r) => row('Reflection answers', roleLabel(r.role), r.answers)),
    ...evidence.signoffs.flatMap((r) => [
      row('Sign-offs: approved', roleLabel(r.role), r.approved),
      row('Sign-offs: changes asked for', roleLabel(r.role), r.changesRequested),
    ]),
  ];
}
