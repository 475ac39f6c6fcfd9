/** The latest link check (死链) as one JSON shape (contract/inspection.ts linkCheckSchema), the API's and the console's. */
import type { LinkCheck } from '../../contract/inspection.ts';
import type { LinkCheckSummary } from '../../db/queries/links.ts';
import { LINK_KIND_LABELS } from '../../domain/inspection/links.ts';
import { deadReason, type StoredDeadLink } from '../../domain/inspection/links-dead.ts';

export function linkCheckJson(
  check: LinkCheckSummary | null,
  deadLinks: ReadonlyArray<StoredDeadLink & { lastSeen: string }>,
): LinkCheck {
  return {
    check: check && {
      day: check.day,
      checkedAt: check.checkedAt,
      pages: check.pages,
      links: check.links,
      truncated: check.truncated,
      internalDead: check.internalDead,
      external: {
        enabled: check.externalEnabled,
        checked: check.externalChecked,
        deferred: check.externalDeferred,
        dead: check.externalDead,
      },
    },
    deadLinks: deadLinks.map((d) => ({
      url: d.url,
      kind: d.kind,
      kindLabel: LINK_KIND_LABELS[d.kind],
      status: d.status,
      reason: deadReason(d),
      pages: d.pages,
      pageCount: d.pageCount,
      firstSeen: d.firstSeen,
      lastSeen: d.lastSeen,
    })),
  };
}
