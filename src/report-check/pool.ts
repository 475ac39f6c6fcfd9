/**
 * Reading many report files on every core (issue 14: a province's 5,000 reports): a fixed pool of
 * worker threads, each reading one file at a time (readReportPath), answers in the order asked.
 * PDF reading is CPU-bound (pdfjs), so a 2-core machine reads about twice as fast with two.
 * Node's worker_threads; no library: the pool is a queue and N threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReadReport } from '../domain/report/reading/read-report.ts';
import { readReportPath, type UnreadableFile } from './check-file.ts';

type Answer = ReadReport | UnreadableFile;

/**
 * Reads every path, `threads` at a time (default: the machine's cores; 1 reads in this thread),
 * calling `onDone` after each file. Answers in the order of `paths`.
 */
export async function readAllPaths(
  paths: readonly string[],
  onDone: (done: number) => void = () => {},
  threads = availableParallelism(),
): Promise<Answer[]> {
  const answers: Answer[] = new Array(paths.length);
  let done = 0;
  if (threads <= 1 || paths.length < 4) {
    for (const [i, path] of paths.entries()) {
      answers[i] = await readReportPath(path);
      onDone(++done);
    }
    return answers;
  }
  let next = 0;
  const workers = Array.from(
    { length: Math.min(threads, paths.length) },
    () => new Worker(new URL('./check-worker.mjs', import.meta.url)),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= paths.length) return resolve();
              const id = next++;
              worker.postMessage({ id, path: paths[id] });
            };
            worker.on(
              'message',
              (message: { ready?: true; id?: number; result?: Answer; error?: string }) => {
                if (message.ready) return give();
                if (message.error !== undefined)
                  return reject(new Error(`${paths[message.id ?? 0]}：${message.error}`));
                answers[message.id as number] = message.result as Answer;
                onDone(++done);
                give();
              },
            );
            worker.on('error', reject);
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return answers;
}
