import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/roles';
import {
  involvementAbilitiesOf,
  involvementRoleMay,
  mayViewStatementOf,
  type InvolvementAction,
} from './involvementRules';

describe('involvement rules', () => {
  const table: Record<InvolvementAction, string[]> = {
    'involvement.viewOwn': ['admin', 'editor', 'expert', 'carer'],
    'involvement.viewAll': ['admin', 'editor', 'expert'],
    'involvement.record': ['admin', 'editor'],
    'involvement.managePayments': ['admin'],
  };
  it.each(Object.entries(table))('%s: %j', (action, allowed) => {
    for (const role of roles)
      expect(involvementRoleMay(role, action as InvolvementAction)).toBe(allowed.includes(role));
  });

  it('shows a statement to its person and to admins only', () => {
    expect(mayViewStatementOf({ userId: 'c', role: 'carer' }, 'c')).toBe(true);
    expect(mayViewStatementOf({ userId: 'c', role: 'carer' }, 'd')).toBe(false);
    expect(mayViewStatementOf({ userId: 'e', role: 'editor' }, 'c')).toBe(false);
    expect(mayViewStatementOf({ userId: 'a', role: 'admin' }, 'c')).toBe(true);
    expect(mayViewStatementOf({ userId: 'c', role: undefined }, 'c')).toBe(false);
  });

  it('tells the client what to offer', () => {
    expect(involvementAbilitiesOf({ userId: 'e', role: 'editor' })).toEqual({
      record: true,
      viewAll: true,
      managePayments: false,
    });
    expect(involvementAbilitiesOf({ userId: 'x', role: undefined })).toEqual({
      record: false,
      viewAll: false,
      managePayments: false,
    });
  });
});
