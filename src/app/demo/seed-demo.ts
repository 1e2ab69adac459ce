import type { Deps } from '../ports';
import { addUserIn } from '../users/add-user';
import { demoUsers } from './demo-users';

/** Creates the demo users that do not exist yet, in one transaction. Returns the usernames created. */
export async function seedDemoUsers(deps: Deps, password: string): Promise<string[]> {
  return deps.uow.run(async (repos) => {
    const created: string[] = [];
    for (const user of demoUsers(password)) {
      if (await repos.users.findByUsername(user.username)) continue;
      const r = await addUserIn(deps, repos, user, { actorId: null, actorRole: 'system', ip: null });
      if (!r.ok) throw new Error(`demo user ${user.username}: ${r.error.code}`);
      created.push(user.username);
    }
    return created;
  });
}
