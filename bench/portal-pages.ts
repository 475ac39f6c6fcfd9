/** The pages `bench:portal` measures, found in the demo data. */
import type { Db } from '../src/db/connection.ts';

export interface BenchPage {
  /** a short name, also the static copy's file name */
  name: string;
  /** the path on the server */
  path: string;
}

/** The home page and the demo agency's 2021 report page. */
export async function portalPages(_db: Db, _base: string): Promise<BenchPage[]> {
  return [
    { name: 'home', path: '/' },
    { name: 'report', path: '/agencies/lingang/reports/2021' },
  ];
}
