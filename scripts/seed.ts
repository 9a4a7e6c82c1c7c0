// `npm run seed`: a demo workspace with one person per role, so a newcomer can look around.
// Safe to run again: the same people get fresh passwords, printed below.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../server/auth/passwords';
import { loadConfig } from '../server/config';
import { connectDatabase } from '../server/db/connect';
import { userRepository } from '../server/modules/accounts/userRepository';
import { workspaceRepository } from '../server/modules/workspaces/workspaceRepository';
import type { Role } from '../shared/roles';

const people: { role: Role; name: string; email: string }[] = [
  { role: 'admin', name: 'Amira Admin', email: 'admin@demo.chorus' },
  { role: 'editor', name: 'Eddie Editor', email: 'editor@demo.chorus' },
  { role: 'expert', name: 'Priya Practice-Expert', email: 'expert@demo.chorus' },
  { role: 'carer', name: 'Carol Carer', email: 'carer@demo.chorus' },
];
const workspaceName = 'Caring Voices (demo)';

const config = loadConfig();
const db = await connectDatabase(config.database);
const users = userRepository(db);
const workspaces = workspaceRepository(db);

const printed: string[] = [];
const ids: Partial<Record<Role, string>> = {};
for (const person of people) {
  const password = `demo-${randomBytes(6).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  const user =
    (await users.create({ email: person.email, name: person.name, passwordHash })) ??
    (await users.findByEmail(person.email))!;
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
  ids[person.role] = user.id;
  printed.push(`  ${person.role.padEnd(7)} ${person.email.padEnd(22)} ${password}`);
}

let workspace = (await workspaces.listForUser(ids.admin!)).find((w) => w.name === workspaceName);
workspace ??= { ...(await workspaces.createWithAdmin(workspaceName, ids.admin!)), role: 'admin' };
for (const person of people) {
  if (person.role !== 'admin') await workspaces.addMember(workspace.id, ids[person.role]!, person.role);
}
await db.destroy();

console.log(`Demo workspace "${workspaceName}" is ready (${config.database.kind}, ${config.dataDir}).`);
console.log('Sign in as any of these people:');
console.log(printed.join('\n'));
