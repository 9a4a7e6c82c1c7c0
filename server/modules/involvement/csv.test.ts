import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './csv';

describe('CSV (RFC 4180, formula-safe)', () => {
  it('quotes fields holding commas, quotes or line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hello"')).toBe('"say ""hello"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(120)).toBe('120');
  });

  it('keeps spreadsheets from running text as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tTab')).toBe("'\tTab");
    expect(csvField('\rCR')).toBe(`"'\rCR"`);
    expect(csvField('Mary = carer')).toBe('Mary = carer');
  });

  it('ends every record with CRLF, the header first', () => {
    expect(
      csvDocument(
        ['Name', 'Fee'],
        [
          ['Ann', '12.50'],
          ['Bo, Jr', null],
        ],
      ),
    ).toBe('Name,Fee\r\nAnn,12.50\r\n"Bo, Jr",\r\n');
  });
});
