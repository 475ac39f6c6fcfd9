/**
 * Changes to what the portal caches, across the server processes of one PostgreSQL installation:
 * LISTEN/NOTIFY on a channel of the installation (its database, and its schema when pinned to one).
 * A local change (db/change-signals.ts) is sent as `origin kind lsn` — lsn the primary's WAL
 * position after the change's commit — and the other processes, hearing it, set their read fence
 * (db/replica.ts) and then signal the change as remote, so their caches forget it within the
 * notification's round trip (milliseconds). The listening connection is reopened when it fails (a
 * primary restart); notices sent meanwhile are lost, so on reopening every kind is signalled as
 * changed. On SQLite there is one server process and nothing to send.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { CHANGE_KINDS, type ChangeKind } from './change-signals.ts';
import type { Db } from './connection.ts';
import { parseLsn } from './read-routing.ts';

/** What a notice moves: the read fence of a process that reads from a standby. */
export interface NoticeFence {
  hold(): () => void;
  require(lsn: bigint): void;
}

export interface NoticeOptions {
  fence?: NoticeFence;
  /** told of a failure (the connection lost, a notice not sent) */
  log?: (message: string, error?: unknown) => void;
  /** wait before reopening the listening connection (default 500 ms) */
  reconnectMs?: number;
}

export interface ChangeNotices {
  /** settled once the first attempt to listen is over (listening, or failed and retrying) */
  ready: Promise<void>;
  /** the listening connection is open */
  listening(): boolean;
  close(): Promise<void>;
}

/** The channel of an installation: one per database, and per schema when the connection is pinned to one. */
export function changeChannel(db: Pick<Db, 'schema'>): string {
  const suffix = db.schema ? `_${db.schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}` : '';
  return `gongkai_changes${suffix}`.slice(0, 63);
}

/** A notice's text, and back. */
export function noticePayload(origin: string, kind: ChangeKind, lsn: string): string {
  return `${origin} ${kind} ${lsn}`;
}

export function parseNotice(
  payload: string,
): { origin: string; kind: ChangeKind; lsn: bigint | null } | null {
  const [origin, kind, lsn, ...rest] = payload.split(' ');
  if (!origin || rest.length > 0) return null;
  const known = CHANGE_KINDS.find((k) => k === kind);
  if (!known) return null;
  return { origin, kind: known, lsn: lsn ? parseLsn(lsn) : null };
}

export function startChangeNotices(db: Db, options: NoticeOptions = {}): ChangeNotices {
  if (db.dialect !== 'postgres') throw new Error('change notices are for PostgreSQL');
  const channel = changeChannel(db);
  const origin = randomUUID();
  const log = options.log ?? (() => {});
  const reconnectMs = options.reconnectMs ?? 500;
  let client: pg.Client | null = null;
  let closed = false;
  let opened = false;
  let timer: NodeJS.Timeout | null = null;

  const heard = (payload: string) => {
    const notice = parseNotice(payload);
    if (!notice || notice.origin === origin) return;
    if (notice.lsn !== null) options.fence?.require(notice.lsn);
    db.changes.emit(notice.kind, true);
  };

  const reopen = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void open(true);
    }, reconnectMs);
  };

  const open = async (again: boolean) => {
    const next = new pg.Client({ connectionString: db.url });
    next.on('error', (error) => {
      log('变更通知连接中断，稍后重连', error);
      if (client === next) client = null;
      opened = false;
      next.end().catch(() => {});
      reopen();
    });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) heard(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      opened = true;
      if (again) {
        // what changed while no one listened is unknown: everything, as of the primary's position now
        const row = (await next.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0];
        const lsn = row ? parseLsn(row.lsn) : null;
        if (lsn !== null) options.fence?.require(lsn);
        for (const kind of CHANGE_KINDS) db.changes.emit(kind, true);
      }
    } catch (error) {
      log('变更通知连接失败，稍后重试', error);
      next.end().catch(() => {});
      reopen();
    }
  };

  const send = async (kind: ChangeKind) => {
    const release = options.fence?.hold();
    try {
      const { rows } = await sql<{ lsn: string }>`
        select lsn, pg_notify(${channel}, ${`${origin} ${kind} `} || lsn) from
          (select pg_current_wal_lsn()::text as lsn) as current`.execute(db.kysely);
      const lsn = rows[0] ? parseLsn(rows[0].lsn) : null;
      if (lsn !== null) options.fence?.require(lsn);
    } catch (error) {
      log(`变更通知（${kind}）未能发出：其他服务进程的缓存将在过期后更新`, error);
    } finally {
      release?.();
    }
  };

  const stops = CHANGE_KINDS.map((kind) =>
    db.changes.on(kind, (remote) => {
      if (!remote) void send(kind);
    }),
  );
  const first = open(false);

  return {
    ready: first,
    listening: () => opened,
    async close() {
      closed = true;
      for (const stop of stops) stop();
      if (timer) clearTimeout(timer);
      await first;
      const last = client;
      client = null;
      opened = false;
      await last?.end().catch(() => {});
    },
  };
}
