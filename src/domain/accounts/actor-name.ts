/**
 * Who did something, as people read it: a user's name (姓名), never the username. The event log
 * also records actors that are no user: the command line (`cli:<login>`), the platform itself
 * (loading the demo, starting the server) and a citizen filing online (`public`).
 */

/** The actors the platform writes itself (src/cli: serve, report, demo; the browser tests' demo). */
const SYSTEM_ACTORS: ReadonlySet<string> = new Set([
  'first start',
  'server start',
  'gongkai demo',
  'browser test',
]);

/** The actor of a citizen's online request (commands/requests/register-request.ts). */
const PUBLIC_ACTOR = 'public';

/** The name to show for `username`, given the user's display name when it is a user. */
export function actorLabel(username: string, displayName: string | undefined): string {
  if (displayName) return displayName;
  if (username === PUBLIC_ACTOR) return '申请人（网上申请）';
  if (username.startsWith('cli:')) return '命令行操作';
  if (SYSTEM_ACTORS.has(username)) return '系统';
  return username;
}
