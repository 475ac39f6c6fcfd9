import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type IndexForm, indexForms } from './tsvector.ts';

/**
 * Segmentation of many texts at once, for bulk indexing: jieba and the term rules run in worker
 * threads (one per core, at most four), so the main thread can write the previous batch to the
 * database meanwhile. PostgreSQL's jobs get every worker (its writer is the server); SQLite's get
 * one core fewer, which its writer, this process's main thread, keeps (bench:search). Fewer texts than POOL_THRESHOLD, or a pool that failed to start, are
 * segmented on the calling thread; the result is the same either way.
 */

/** Below this many texts the work is done in place (a worker's start costs ~0.4 s). */
export const POOL_THRESHOLD = 2_000;

interface Pending {
  texts: string[];
  form: IndexForm;
  resolve: (terms: string[]) => void;
}

class SegmentPool {
  /** the workers, each started on its first job (or by `warm`) */
  private readonly workers: Array<Worker | undefined>;
  private readonly busy: number[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** the workers 'terms' jobs go to: one core left to the writing thread */
  private readonly termsWorkers: number;
  broken = false;

  constructor(size: number) {
    this.termsWorkers = Math.max(1, Math.min(size, availableParallelism() - 1));
    this.workers = Array.from({ length: size }, () => undefined);
    this.busy = Array.from({ length: size }, () => 0);
  }

  /** How many workers `form`'s jobs go to. */
  width(form: IndexForm): number {
    return form === 'terms' ? this.termsWorkers : this.workers.length;
  }

  /**
   * Worker `index`, started now if it was not: each loads tsx, the segmentation and jieba's
   * dictionary (~0.3–1 s of CPU), so a worker no job goes to is never started — on two cores
   * SQLite's 'terms' jobs go to one of the two.
   */
  worker(index: number): Worker {
    const started = this.workers[index];
    if (started) return started;
    const worker = new Worker(new URL('./segment-worker.mjs', import.meta.url));
    worker.on('message', (message: { id?: number; terms?: string[] }) => {
      if (message.id === undefined || !message.terms) return;
      const job = this.pending.get(message.id);
      this.pending.delete(message.id);
      this.busy[index] -= 1;
      // An idle worker does not keep the process alive; a busy one does, or nothing would
      // wait for its answer.
      if (this.busy[index] === 0) worker.unref();
      job?.resolve(message.terms);
    });
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
    // After the 'message' listener: adding one refs the worker's port again (Node's
    // setupPortReferencing), and an idle worker must not keep the process alive — a CLI or a
    // bench that warmed the pool, or gave one worker no job, would never exit.
    worker.unref();
    this.workers[index] = worker;
    return worker;
  }

  /** A broken pool finishes its jobs in place and is not used again. */
  private fail(): void {
    if (this.broken) return;
    this.broken = true;
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      job.resolve(indexForms(job.texts, job.form));
    }
    for (const worker of this.workers) if (worker) void worker.terminate();
  }

  run(texts: string[], form: IndexForm): Promise<string[]> {
    if (this.broken) return Promise.resolve(indexForms(texts, form));
    const id = this.nextId++;
    // 'terms' is SQLite's form, whose writer is this process's main thread: it keeps a core of
    // its own (a third thread on two cores took the writer's time and the workers' shared block
    // caches saw half the phrases each). PostgreSQL's writer is the server: every worker.
    const index = id % this.width(form);
    const worker = this.worker(index);
    this.busy[index] += 1;
    worker.ref();
    return new Promise((resolve) => {
      this.pending.set(id, { texts, form, resolve });
      worker.postMessage({ id, texts, form });
    });
  }
}

let pool: SegmentPool | null = null;

function sharedPool(): SegmentPool {
  if (!pool || pool.broken) pool = new SegmentPool(Math.max(1, Math.min(4, availableParallelism())));
  return pool;
}

/**
 * Starts the worker threads `form`'s jobs go to now (each loads tsx, the segmentation and jieba's
 * dictionary: ~0.3–1 s apiece), so a bulk writer that will hand them work — an import, once it has
 * read enough rows to fill a pooled batch — finds them ready instead of paying their start inside
 * its first batch.
 */
export function warmSegmentPool(form: IndexForm = 'tsvector'): void {
  const started = sharedPool();
  for (let i = 0; i < started.width(form); i++) started.worker(i);
}

/**
 * The index text (space-joined terms) of each text, in order — or with `form` 'tsvector', of
 * each pair of texts (an item's title and body) its tsvector's positional lexemes (tsvector.ts's
 * indexForms). `bulk` says more batches follow, so a pool is worth starting even for this one.
 */
export function indexTexts(texts: string[], bulk: boolean, form: IndexForm = 'terms'): Promise<string[]> {
  if (!bulk && texts.length < POOL_THRESHOLD) return Promise.resolve(indexForms(texts, form));
  return sharedPool().run(texts, form);
}
