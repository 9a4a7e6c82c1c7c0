import { z } from 'zod';
import { text } from './common';

/**
 * A publication's title page (issue 11 §2, docs/exports.md): what its cover says and what "About this
 * publication" is made from. Stored per document; exports print it.
 */

/** The licences offered: the Creative Commons ones research funders ask for, and "all rights reserved". */
export const licences = [
  'cc-by-4.0',
  'cc-by-sa-4.0',
  'cc-by-nc-4.0',
  'cc-by-nc-sa-4.0',
  'all-rights-reserved',
] as const;
export const licenceSchema = z.enum(licences, {
  message: `Choose a licence: one of ${licences.join(', ')}.`,
});
export type Licence = z.infer<typeof licenceSchema>;

/** Each licence's name, its deed (null: no public licence) and what it lets readers do, in plain words. */
export const licenceDetails: Record<Licence, { name: string; url: string | null; plain: string }> = {
  'cc-by-4.0': {
    name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    plain: 'Anyone may share and adapt it, for any purpose, if they credit the authors.',
  },
  'cc-by-sa-4.0': {
    name: 'Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    plain: 'Anyone may share and adapt it if they credit the authors and share what they make under the same licence.',
  },
  'cc-by-nc-4.0': {
    name: 'Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)',
    url: 'https://creativecommons.org/licenses/by-nc/4.0/',
    plain: 'Anyone may share and adapt it, not to make money, if they credit the authors.',
  },
  'cc-by-nc-sa-4.0': {
    name: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International (CC BY-NC-SA 4.0)',
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
    plain: 'Anyone may share and adapt it, not to make money, if they credit the authors and use the same licence.',
  },
  'all-rights-reserved': {
    name: 'All rights reserved',
    url: null,
    plain: 'Ask the authors before copying or adapting it.',
  },
};

/** An ISBN's digits (and a final X of an ISBN-10) without hyphens or spaces; null when its check digit is wrong. */
export function normaliseIsbn(input: string): string | null {
  const s = input
    .replace(/^ISBN(-1[03])?:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (/^\d{9}[\dX]$/.test(s)) {
    const sum = [...s].reduce((acc, c, i) => acc + (c === 'X' ? 10 : Number(c)) * (10 - i), 0);
    return sum % 11 === 0 ? s : null;
  }
  if (/^97[89]\d{10}$/.test(s)) {
    const sum = [...s].reduce((acc, c, i) => acc + Number(c) * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0 ? s : null;
  }
  return null;
}

/** A DOI as `10.<registrant>/<suffix>`, from itself or its `doi:` or `https://doi.org/` form; null when it is not one. */
export function normaliseDoi(input: string): string | null {
  const s = input
    .trim()
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  return /^10\.\d{4,9}\/\S+$/.test(s) ? s : null;
}

const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label} must be text.` })
    .trim()
    .max(max, { message: `${label} can be at most ${max} characters.` })
    .default('');

const isbnSchema = z
  .string({ message: 'The ISBN must be text.' })
  .trim()
  .transform((s, ctx) => {
    if (s === '') return null;
    const isbn = normaliseIsbn(s);
    if (isbn === null) {
      ctx.addIssue({
        code: 'custom',
        message:
          'This is not an ISBN: enter its 10 or 13 digits (hyphens are fine), such as 978-1-4028-9462-6. Check the last digit.',
      });
      return z.NEVER;
    }
    return isbn;
  });

const doiSchema = z
  .string({ message: 'The DOI must be text.' })
  .trim()
  .transform((s, ctx) => {
    if (s === '') return null;
    const doi = normaliseDoi(s);
    if (doi === null) {
      ctx.addIssue({ code: 'custom', message: 'A DOI starts with 10. and has a slash, such as 10.1234/chorus.2027.' });
      return z.NEVER;
    }
    return doi;
  });

/** `PUT /api/documents/:id/title-page`: the whole title page (fields left out are emptied). */
export const titlePageBodySchema = z.strictObject({
  title: text('The title', 200),
  subtitle: optionalText('The subtitle', 300),
  authors: z
    .array(text('Each author', 200, 'Remove the empty author, or enter a name.'), {
      message: 'Authors must be a list of names.',
    })
    .max(50, { message: 'List at most 50 authors; add a group name for the rest.' })
    .default([]),
  organisation: optionalText('The organisation', 200),
  date: z
    .union([z.iso.date({ message: 'Enter the date as year, month and day, such as 2027-03-01.' }), z.literal('')])
    .default('')
    .transform((d) => d || null),
  licence: licenceSchema.default('cc-by-4.0'),
  isbn: isbnSchema.nullable().default(null),
  doi: doiSchema.nullable().default(null),
  funder: optionalText('The funder statement', 1000),
});
export type TitlePageBody = z.input<typeof titlePageBodySchema>;

/** A title page as stored and answered. */
export const titlePageSchema = z.object({
  title: z.string(),
  subtitle: z.string(),
  authors: z.array(z.string()),
  organisation: z.string(),
  date: z.string().nullable(),
  licence: licenceSchema,
  isbn: z.string().nullable(),
  doi: z.string().nullable(),
  funder: z.string(),
});
export type TitlePage = z.infer<typeof titlePageSchema>;

/** `GET /api/documents/:id/title-page`: the title page (a first draft from the document's title until saved). */
export const titlePageResponseSchema = z.object({
  documentId: z.string(),
  saved: z.boolean(),
  updatedAt: z.string().nullable(),
  titlePage: titlePageSchema,
});
export type TitlePageResponse = z.infer<typeof titlePageResponseSchema>;
