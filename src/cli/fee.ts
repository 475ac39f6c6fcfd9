import { type FeeBasis, type FeeBreakdown, feeBreakdown } from '../domain/fees/processing-fee.ts';
import { type CliIo, flags, UsageError, writeErr } from './io.ts';

const WHOLE = /^\d+$/;

/** A count from the command line: digits only (so “-1”, “1.5”, “1e3” are refused), naming N when bad. */
function count(text: string | undefined, what: string, usage: string): number {
  if (text === undefined) throw new UsageError(`缺少${what}：${usage}`);
  const value = Number(text);
  if (!WHOLE.test(text) || !Number.isSafeInteger(value))
    throw new UsageError(`${what}应为不小于0的整数：${text}`);
  return value;
}

/**
 * `gongkai fee per-piece N [--previous M] [--breakdown]` and `gongkai fee per-page N [--breakdown]`:
 * prints the 信息处理费 (国办函〔2020〕109号) in whole 元, just the number, on standard output. With
 * --previous, N pieces are added to the M the applicant already filed this natural month (the
 * marginal fee); --breakdown also writes the lines of the fee notice to standard error.
 */
export async function feeCommand(io: CliIo, args: string[]): Promise<number> {
  const [method, n, ...rest] = args;
  const { values, positionals } = flags(rest, {
    previous: { type: 'string' },
    breakdown: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  let basis: FeeBasis;
  if (method === 'per-piece') {
    const usage = 'gongkai fee per-piece N [--previous M]';
    const pieces = count(n, '件数', usage);
    const previous = values.previous === undefined ? 0 : count(values.previous, '本月此前件数', usage);
    basis = { method: 'per_piece', previousPiecesThisMonth: previous, pieces };
  } else if (method === 'per-page') {
    if (values.previous !== undefined) throw new UsageError('按量计收按每件申请计算，不能使用 --previous');
    basis = { method: 'per_page', pages: count(n, '页数', 'gongkai fee per-page N') };
  } else {
    throw new UsageError(
      `未知的计费方式：${method ?? '（缺少）'}；应为 per-piece（按件）或 per-page（按量）`,
    );
  }
  let breakdown: FeeBreakdown;
  try {
    breakdown = feeBreakdown(basis);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  if (values.breakdown) for (const line of breakdown.lines) writeErr(io, line.text);
  io.stdout.write(`${breakdown.total}\n`);
  return 0;
}
