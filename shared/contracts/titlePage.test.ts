import { describe, expect, it } from 'vitest';
import { normaliseDoi, normaliseIsbn, titlePageBodySchema } from './titlePage';

describe('title page validation', () => {
  it('accepts ISBN-10 and ISBN-13 with a right check digit, in any usual spelling', () => {
    expect(normaliseIsbn('978-1-4028-9462-6')).toBe('9781402894626');
    expect(normaliseIsbn('ISBN 978 0 306 40615 7')).toBe('9780306406157');
    expect(normaliseIsbn('0-306-40615-2')).toBe('0306406152');
    expect(normaliseIsbn('0-8044-2957-x')).toBe('080442957X');
  });

  it('refuses an ISBN whose check digit is wrong, or of the wrong length', () => {
    expect(normaliseIsbn('978-1-4028-9462-7')).toBeNull();
    expect(normaliseIsbn('0-306-40615-3')).toBeNull();
    expect(normaliseIsbn('12345')).toBeNull();
    expect(normaliseIsbn('979-X-4028-9462-6')).toBeNull();
  });

  it('accepts a DOI in its bare, doi: and https://doi.org/ forms, and refuses anything else', () => {
    expect(normaliseDoi('10.1234/chorus.2027')).toBe('10.1234/chorus.2027');
    expect(normaliseDoi('doi:10.1000/xyz-1')).toBe('10.1000/xyz-1');
    expect(normaliseDoi('https://doi.org/10.5555/abc(1)')).toBe('10.5555/abc(1)');
    expect(normaliseDoi('10.12/short')).toBeNull();
    expect(normaliseDoi('11.1234/x')).toBeNull();
    expect(normaliseDoi('10.1234')).toBeNull();
  });

  it('fills what is left out and says which field is wrong, in words a person can act on', () => {
    expect(titlePageBodySchema.parse({ title: ' Caring at home ' })).toEqual({
      title: 'Caring at home',
      subtitle: '',
      authors: [],
      organisation: '',
      date: null,
      licence: 'cc-by-4.0',
      isbn: null,
      doi: null,
      funder: '',
    });
    const bad = titlePageBodySchema.safeParse({
      title: '',
      authors: ['Ann', ' '],
      date: '1 March',
      licence: 'cc0',
      isbn: '978-1-4028-9462-7',
      doi: 'doi.org/123',
    });
    expect(bad.success).toBe(false);
    const byField = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      title: 'Enter the title.',
      'authors.1': 'Remove the empty author, or enter a name.',
      date: expect.stringContaining('such as 2027-03-01'),
      licence: expect.stringContaining('cc-by-4.0'),
      isbn: expect.stringContaining('Check the last digit'),
      doi: expect.stringContaining('starts with 10.'),
    });
  });
});
