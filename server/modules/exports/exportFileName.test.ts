import { describe, expect, it } from 'vitest';
import { availableExportFormats } from '../../../shared/contracts/exports';
import { exportFileName } from './exportFileName';
import { exportFormatters } from './formats/index';

describe('exportFileName', () => {
  it('names the file after the title, keeping letters of every script', () => {
    expect(exportFileName('Épisode 3 – Zoë’s story', 'docx')).toBe('Épisode 3 – Zoë’s story.docx');
  });
  it('takes out what file systems refuse and never starts with a dot', () => {
    expect(exportFileName('../a/b: "c"?*<d>|\u0007', 'md')).toBe('a b c d.md');
    expect(exportFileName('   ', 'html')).toBe('Document.html');
  });
  it('adds the version name and keeps names short', () => {
    expect(exportFileName('Report', 'md', 'Before the workshop')).toBe('Report - Before the workshop.md');
    expect(exportFileName('x'.repeat(300), 'md')).toHaveLength(123);
  });
});

describe('export formats', () => {
  it('offers exactly the formats the contract says are available', () => {
    expect(Object.keys(exportFormatters).sort()).toEqual([...availableExportFormats].sort());
  });
});
