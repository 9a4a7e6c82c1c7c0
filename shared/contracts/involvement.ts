import { z } from 'zod';
import { isCurrencyCode } from '../involvement/money';
import { roleSchema } from '../roles';
import { idSchema, text } from './common';

/** The kinds of involvement a workspace records (NIHR's public-involvement activities, in plain words). */
export const activityKinds = [
  'meeting',
  'recording_session',
  'reviewing',
  'writing',
  'advisory_group',
  'other',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Record<ActivityKind, string> = {
  meeting: 'Meeting',
  recording_session: 'Recording session',
  reviewing: 'Reviewing',
  writing: 'Writing',
  advisory_group: 'Advisory group',
  other: 'Something else',
};

/** Each person's own answer to "is this right?" about an activity they are listed in. */
export const participationStatuses = ['pending', 'confirmed', 'disputed'] as const;
export type ParticipationStatus = (typeof participationStatuses)[number];

/** How each person wants to be thanked for an activity. `talk_first`: it may affect their benefits. */
export const paymentChoices = ['paid', 'voucher', 'declined', 'talk_first'] as const;
export type PaymentChoice = (typeof paymentChoices)[number];
/** The choices an admin can record after talking a `talk_first` through with the person. */
export const agreedChoices = ['paid', 'voucher', 'declined'] as const;

export const expenseKinds = ['travel', 'care_cover', 'other'] as const;
export type ExpenseKind = (typeof expenseKinds)[number];
export const expenseKindLabels: Record<ExpenseKind, string> = {
  travel: 'Travel',
  care_cover: 'Care cover (someone to look after the person you care for)',
  other: 'Other costs',
};

const dateSchema = z.iso.date({ message: 'Enter the date as year-month-day, for example 2026-03-14.' });
/** Whole minutes, up to 12 hours. */
const durationSchema = z
  .number({ message: 'Enter how long it lasted, in minutes.' })
  .int({ message: 'Enter how long it lasted in whole minutes.' })
  .min(1, { message: 'Enter how long it lasted: at least 1 minute.' })
  .max(720, { message: 'One activity can last at most 12 hours (720 minutes). Record a longer one as two days.' });
/** Minor units (pence, cents): whole numbers, never fractions. */
export const minorAmountSchema = (label: string) =>
  z
    .number({ message: `${label} must be a number.` })
    .int({ message: `${label} must be a whole number of pence or cents (the currency’s smallest unit).` })
    .min(0, { message: `${label} cannot be less than 0.` })
    .max(100_000_000, { message: `${label} is too large: at most 1,000,000 in the currency’s main unit.` });

export const activityBodySchema = z.strictObject({
  kind: z.enum(activityKinds, { message: `Choose what kind of activity it was: ${activityKinds.join(', ')}.` }),
  title: text('What it was for', 200, 'Say what the activity was for.'),
  occurredOn: dateSchema,
  durationMinutes: durationSchema,
  participantIds: z
    .array(idSchema)
    .min(1, { message: 'Choose at least one person who took part.' })
    .max(200, { message: 'At most 200 people can be listed in one activity.' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Each person can be listed only once.' }),
});
export type ActivityBody = z.infer<typeof activityBodySchema>;

export const responseBodySchema = z
  .strictObject({
    answer: z.enum(['confirmed', 'disputed'], { message: 'Say whether this is right: confirmed or disputed.' }),
    /** What is wrong (required with `disputed`). */
    note: z.string().trim().max(1000, { message: 'The note can be at most 1000 characters.' }).optional(),
    choice: z
      .enum(paymentChoices, { message: `Choose how you want to be thanked: ${paymentChoices.join(', ')}.` })
      .optional(),
  })
  .refine((b) => b.answer !== 'disputed' || (b.note ?? '').length > 0, {
    message: 'Say what is wrong, so the person who recorded it can put it right.',
    path: ['note'],
  });
export type ResponseBody = z.infer<typeof responseBodySchema>;

export const benefitsDiscussedBodySchema = z.strictObject({
  choice: z.enum(agreedChoices, { message: 'Say what you agreed: paid, voucher or declined.' }),
});
export type BenefitsDiscussedBody = z.infer<typeof benefitsDiscussedBodySchema>;

export const expenseBodySchema = z.strictObject({
  kind: z.enum(expenseKinds, { message: `Choose the kind of expense: ${expenseKinds.join(', ')}.` }),
  amountMinor: minorAmountSchema('The amount'),
  note: z.string().trim().max(500, { message: 'The note can be at most 500 characters.' }).optional(),
});
export type ExpenseBody = z.infer<typeof expenseBodySchema>;

export const currencySchema = z
  .string({ message: 'Enter a currency code, for example GBP.' })
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, {
    message: 'Enter a currency as its three-letter ISO 4217 code, for example GBP, EUR or USD.',
  });

export const ratesBodySchema = z.strictObject({
  currency: currencySchema,
  hourMinor: minorAmountSchema('The hourly rate'),
  halfDayMinor: minorAmountSchema('The half-day rate'),
  dayMinor: minorAmountSchema('The day rate'),
});
export type RatesBody = z.infer<typeof ratesBodySchema>;

export const ratesSchema = z.object({
  currency: z.string(),
  /** Null until an admin sets the table. */
  rates: z.object({ hourMinor: z.number(), halfDayMinor: z.number(), dayMinor: z.number() }).nullable(),
  updatedAt: z.string().nullable(),
});
export type RatesView = z.infer<typeof ratesSchema>;

export const participantSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: roleSchema.nullable(),
  status: z.enum(participationStatuses),
  /** What the person said is wrong. */
  note: z.string().nullable(),
  respondedAt: z.string().nullable(),
  /** Only for the person themselves and admins; absent for everyone else. */
  choice: z.enum(paymentChoices).nullable().optional(),
  benefitsDiscussedAt: z.string().nullable().optional(),
});
export type Participant = z.infer<typeof participantSchema>;

export const activitySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: z.enum(activityKinds),
  title: z.string(),
  occurredOn: z.string(),
  durationMinutes: z.number(),
  /** Everyone listed, for staff; a carer sees only themselves here. */
  participants: z.array(participantSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

export const involvementAbilitiesSchema = z.object({
  /** Record and change activities (admins, editors). */
  record: z.boolean(),
  /** See everyone's activities (not only one's own). */
  viewAll: z.boolean(),
  /** See amounts, rates, statements of anyone, the CSV; record expenses (admins). */
  managePayments: z.boolean(),
});
export type InvolvementAbilities = z.infer<typeof involvementAbilitiesSchema>;

export const activityListSchema = z.object({
  activities: z.array(activitySchema),
  abilities: involvementAbilitiesSchema,
});

export const activityParamsSchema = z.object({ id: idSchema });
export const participantParamsSchema = z.object({ id: idSchema, userId: idSchema });
export const expenseParamsSchema = z.object({ id: idSchema });
export const statementParamsSchema = z.object({
  id: idSchema,
  userId: z.union([z.literal('me'), idSchema]),
});

export const expenseSchema = z.object({
  id: z.string(),
  kind: z.enum(expenseKinds),
  amountMinor: z.number(),
  note: z.string().nullable(),
});

/** Where one line of a statement stands, and so whether its amounts count in the totals. */
export const lineStates = [
  'awaiting_confirmation',
  'disputed',
  'awaiting_choice',
  'on_hold',
  'declined',
  'paid',
  'voucher',
] as const;
export type LineState = (typeof lineStates)[number];

export const statementLineSchema = z.object({
  activityId: z.string(),
  kind: z.enum(activityKinds),
  title: z.string(),
  occurredOn: z.string(),
  durationMinutes: z.number(),
  status: z.enum(participationStatuses),
  choice: z.enum(paymentChoices).nullable(),
  state: z.enum(lineStates),
  /** The fee by the rate table; null when no rates are set or nothing is to be paid (declined, on hold…). */
  feeMinor: z.number().nullable(),
  feeBasis: z.enum(['hourly', 'half_day', 'day']).nullable(),
  expenses: z.array(expenseSchema),
  /** Whether the expenses are counted (confirmed and not on hold). */
  expensesCounted: z.boolean(),
});
export type StatementLine = z.infer<typeof statementLineSchema>;

export const statementSchema = z.object({
  person: z.object({ userId: z.string(), name: z.string() }),
  currency: z.string(),
  ratesSet: z.boolean(),
  lines: z.array(statementLineSchema),
  totals: z.object({
    paidMinor: z.number(),
    voucherMinor: z.number(),
    expensesMinor: z.number(),
    totalMinor: z.number(),
  }),
});
export type Statement = z.infer<typeof statementSchema>;

/** An empty date field of a form sent by GET means "no limit". */
const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), dateSchema.optional());
export const csvQuerySchema = z
  .object({ from: optionalDate, to: optionalDate })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The “from” date must be on or before the “to” date.',
    path: ['to'],
  });
