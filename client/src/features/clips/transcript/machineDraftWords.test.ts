import { describe, expect, it } from 'vitest';
import { machineDraftNotice } from './machineDraftWords';

const fresh = { fromMachine: false, checked: false, empty: true };

describe('what the clip page says about a first draft from speech recognition', () => {
  it('asks for a check while a machine draft is unchecked, and stops once a person has checked it', () => {
    const written = { status: 'written' as const, progress: 1, failureReason: null };
    const drafted = { fromMachine: true, checked: false, empty: false };
    expect(machineDraftNotice(written, drafted)).toEqual({
      text: 'A first draft was written by speech recognition; please check it against the recording.',
      tone: 'check',
    });
    expect(machineDraftNotice(written, { ...drafted, checked: true })).toBeNull();
  });

  it('says where the draft stands while it is made, and why it failed', () => {
    expect(machineDraftNotice({ status: 'waiting', progress: null, failureReason: null }, fresh)?.text).toMatch(
      /will write a first draft/,
    );
    expect(machineDraftNotice({ status: 'working', progress: 0.42, failureReason: null }, fresh)?.text).toBe(
      'Speech recognition is writing a first draft (42% done).',
    );
    const failed = machineDraftNotice(
      { status: 'failed', progress: null, failureReason: 'The speech-recognition service answered 500.' },
      fresh,
    );
    expect(failed).toEqual({
      text: 'Speech recognition could not write a first draft. The speech-recognition service answered 500. You can still write the transcript yourself.',
      tone: 'problem',
    });
    expect(machineDraftNotice(null, fresh)).toBeNull();
    expect(machineDraftNotice({ status: 'kept', progress: null, failureReason: null }, fresh)).toBeNull();
  });
});
