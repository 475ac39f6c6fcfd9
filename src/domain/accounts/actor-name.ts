/**
 * Who did something, as people read it: a user's name (姓名), never the username. The event log
 * also records actors that are no user: the command line (`cli:<login>`) and the platform itself
 * (loading the demo, starting the server).
 */

/** The actors the platform writes itself (src/cli: serve, report, demo; the browser tests' demo). */
const SYSTEM_ACTORS: ReadonlySet<string> = new Set([
  'first start',
  'server start',
  'gongkai demo',
  'browser test',
]);

/** The name to show for `username`, given the user's display name when it is a user. */
export function actorLabel(username: string, displayName: string | undefined): string {
  if (displayName) return displayName;
  if (username.startsWith('cli:')) return '命令行操作';
  if (SYSTEM_ACTORS.has(username)) return '系统';
  return username;
}
