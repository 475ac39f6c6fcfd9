/**
 * The store of @fastify/rate-limit's per-address limits (sign-in attempts, the flood guard of the
 * submission routes, tracking look-ups) in the database's `rate_limits` table (rate-counters.ts),
 * so several server processes on one database count each address together, as the in-process
 * LocalStore counted it in one process: one fixed window per route and address (the plugin's key,
 * IPv6 grouped by subnet), `Date.now()` as the plugin's own store does. Written here because the
 * plugin ships only an in-memory and a Redis store.
 */
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { RateCounters } from './rate-counters.ts';

/** The route a child store counts for: the plugin passes the route's options as `routeInfo`. */
function routeOf(options: object): string {
  if (!('routeInfo' in options)) return '';
  const info = options.routeInfo;
  if (typeof info !== 'object' || info === null || !('url' in info) || typeof info.url !== 'string')
    return '';
  const method = 'method' in info && typeof info.method === 'string' ? info.method : '';
  return `${method} ${info.url}`;
}

/** The `store` option of @fastify/rate-limit: counts in `counters`. */
export function rateLimitStore(counters: RateCounters): FastifyRateLimitStoreCtor {
  return class DatabaseStore implements FastifyRateLimitStore {
    readonly route: string;
    constructor(_options: FastifyRateLimitOptions, route = '') {
      this.route = route;
    }
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const now = Date.now();
      counters.add(`route:${this.route}\n${key}`, now, timeWindow).then(
        (count) => callback(null, { current: count.count, ttl: Math.max(0, count.windowEnds - now) }),
        (error: Error) => callback(error),
      );
    }
    child(routeOptions: object): FastifyRateLimitStore {
      return new DatabaseStore({}, routeOf(routeOptions));
    }
  };
}
