/**
 * A backup or a restore that cannot go on: the archive is not one, is damaged or does not fit the
 * database, the target is not empty, a tool is missing. The message is a Chinese sentence that says
 * what to do; nothing has been written when it is thrown before the restore's first write.
 */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
