import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/roles';
import { threadRoleMay, type DocumentFacts } from './rules';

const commentOnly: DocumentFacts = { createdBy: 'someone', carersCanEdit: false, archived: false };
const archived: DocumentFacts = { ...commentOnly, archived: true };

describe('comment thread rules', () => {
  it('let everyone who may comment start threads and reply, carers included, where they may not edit', () => {
    for (const role of roles) {
      expect(threadRoleMay(role, 'thread.view', 'me', commentOnly)).toBe(true);
      expect(threadRoleMay(role, 'thread.create', 'me', commentOnly)).toBe(true);
      expect(threadRoleMay(role, 'thread.reply', 'me', commentOnly)).toBe(true);
    }
  });

  it('let the thread’s author, editors and admins resolve or reopen it', () => {
    const theirs = { createdBy: 'them' };
    expect(threadRoleMay('admin', 'thread.resolve', 'me', commentOnly, theirs)).toBe(true);
    expect(threadRoleMay('editor', 'thread.resolve', 'me', commentOnly, theirs)).toBe(true);
    expect(threadRoleMay('expert', 'thread.resolve', 'me', commentOnly, theirs)).toBe(false);
    expect(threadRoleMay('carer', 'thread.resolve', 'me', commentOnly, theirs)).toBe(false);
    expect(threadRoleMay('carer', 'thread.resolve', 'me', commentOnly, { createdBy: 'me' })).toBe(true);
  });

  it('start no thread in an archived document (it would mark its text), but still take replies', () => {
    for (const role of roles) {
      expect(threadRoleMay(role, 'thread.create', 'me', archived)).toBe(false);
      expect(threadRoleMay(role, 'thread.reply', 'me', archived)).toBe(true);
    }
  });
});
