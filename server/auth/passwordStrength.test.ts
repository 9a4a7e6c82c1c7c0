import { describe, expect, it } from 'vitest';
import { passwordProblem, personalWords } from './passwordStrength';

const carol = { email: 'carol.smith@example.org', name: 'Carol Smith' };

describe('passwordProblem', () => {
  it('lets through ordinary words put together, with no rules about symbols or capitals', async () => {
    for (const p of ['kettle on the windowsill', 'a good long password', "Carol's garden gate key", 'zuzaxoqiwe']) {
      expect(await passwordProblem(p, carol), p).toBeNull();
    }
  });

  it('refuses common passwords, saying so', async () => {
    for (const p of ['password1234', 'iloveyou', 'qwertyuiop']) {
      expect(await passwordProblem(p, carol), p).toMatch(/one of the most common/);
    }
  });

  it('refuses passwords built from the person’s name or email, in any order or case', async () => {
    for (const p of ['carolsmith1960', 'smithcarol99', 'Carol Smith 1960', 'carol.smith@example.org']) {
      expect(await passwordProblem(p, carol), p).toMatch(/built from your name or email/);
    }
  });

  it('says how to choose a better one', async () => {
    expect(await passwordProblem('aaaaaaaaaa', carol)).toMatch(/a few ordinary words/);
  });
});

describe('personalWords', () => {
  it('splits the email and the name into the pieces a password might use', () => {
    expect(personalWords(carol)).toEqual(
      expect.arrayContaining(['carol.smith@example.org', 'carol.smith', 'carol', 'smith', 'carol smith', 'carolsmith']),
    );
  });
});
