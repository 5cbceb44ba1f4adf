import { AsyncLocalStorage } from 'node:async_hooks';
import { errors } from '@strapi/utils';

/**
 * Guarded writes that share a caller's transaction take turns, each inside its own savepoint.
 *
 * The Content Manager runs a bulk action's document calls concurrently (Promise.all) on one
 * transaction. Savepoints on one connection only work as a stack: interleaved, a RELEASE of an
 * earlier savepoint destroys a later one ("no such savepoint"). So the guarded writes of one
 * transaction queue one behind the other. A guarded write made inside another one's work (a
 * middleware or lifecycle in its `next()`) cannot wait for it, since that one waits for it: it
 * joins the queue of the writes nested in that work instead, and its savepoint nests in the outer.
 */

interface Queue {
  tail: Promise<unknown>;
  /** how many guarded savepoints enclose the writes of this queue: their savepoint's name */
  depth: number;
}

/** The outermost queue of each transaction: writes that no guarded write encloses. */
const outermost = new WeakMap<object, Queue>();
/** Per async context: the queue that writes made inside the running guarded work join, per transaction. */
const enclosing = new AsyncLocalStorage<Map<object, Queue>>();

const isCompleted = (trx: any): boolean => typeof trx?.isCompleted === 'function' && trx.isCompleted();

/** Runs `work` with a fresh queue for the writes nested in it, `depth` savepoints deep. */
function asEnclosing<T>(trx: object, depth: number, work: () => Promise<T>): Promise<T> {
  const queues = new Map(enclosing.getStore() ?? []);
  queues.set(trx, { tail: Promise.resolve(), depth });
  return enclosing.run(queues, work);
}

/**
 * The name is the savepoint's depth: unique among the savepoints open at once, and the same text
 * on every write (SQLite keeps one prepared statement per text; a name per write prepared two new
 * ones each time). Not one name for all: MySQL replaces a savepoint of the same name instead of nesting.
 */
async function inSavepoint<T>(trx: any, depth: number, work: () => Promise<T>): Promise<T> {
  const name = `credit_guard_${depth}`;
  await trx.raw(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await trx.raw(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await trx.raw(`ROLLBACK TO SAVEPOINT ${name}`);
    await trx.raw(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

/**
 * `ownTransaction`: the guard opened `trx` for this write, so nothing else runs on it and a
 * refusal rolls the whole transaction back; otherwise the write waits its turn and gets a savepoint,
 * so a refusal undoes this write only, even when the caller catches it and commits.
 */
export function inTurn<T>(trx: object, ownTransaction: boolean, work: () => Promise<T>): Promise<T> {
  // nothing else runs on the guard's own transaction: writes nested in `work` queue in its outermost queue
  if (ownTransaction) return work();
  let queue = enclosing.getStore()?.get(trx) ?? outermost.get(trx);
  if (!queue) {
    queue = { tail: Promise.resolve(), depth: 0 };
    outermost.set(trx, queue);
  }
  const { depth } = queue;
  const turn = queue.tail.then(() => {
    // a sibling's failure may have ended the caller's transaction (Promise.all rejects at once)
    if (isCompleted(trx)) {
      throw new errors.ApplicationError('Credit check skipped: the enclosing transaction already ended', { reason: 'transactionEnded' });
    }
    return inSavepoint(trx, depth, () => asEnclosing(trx, depth + 1, work));
  });
  queue.tail = turn.catch(() => undefined);
  return turn;
}
