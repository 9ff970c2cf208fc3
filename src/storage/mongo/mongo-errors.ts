/**
 * Driver errors that mean "the store is not reachable right now": network
 * faults, no server to select, a closed client or pool, a primary stepping
 * down. Recognised by name (not `instanceof`) so two copies of the driver, or
 * an error that crossed a boundary, still classify the same.
 */
const OUTAGE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoClientClosedError',
  'MongoServerClosedError',
  'MongoPoolClosedError',
  'MongoPoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoWaitQueueTimeoutError',
  'MongoStalePrimaryError',
]);

/** Server codes for an unreachable, shutting-down or no-longer-primary node (the driver's retryable set). */
const OUTAGE_CODES = new Set([6, 7, 89, 91, 134, 189, 262, 9001, 10058, 10107, 11600, 11602, 13435, 13436]);

const OUTAGE_LABELS = ['RetryableWriteError', 'ResetPool'];

interface DriverErrorShape {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  errorLabels?: unknown;
  hasErrorLabel?: (label: string) => boolean;
}

function hasOutageLabel(error: DriverErrorShape): boolean {
  if (typeof error.hasErrorLabel === 'function') return OUTAGE_LABELS.some((label) => error.hasErrorLabel!(label));
  return Array.isArray(error.errorLabels) && OUTAGE_LABELS.some((label) => (error.errorLabels as unknown[]).includes(label));
}

/** The `isOutage` predicate for `guardStore`: looks at the error and its causes. */
export function isMongoOutage(error: unknown): boolean {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const shape = current as DriverErrorShape;
    if (typeof shape.name === 'string' && OUTAGE_NAMES.has(shape.name)) return true;
    if (typeof shape.code === 'number' && OUTAGE_CODES.has(shape.code)) return true;
    if (hasOutageLabel(shape)) return true;
    current = shape.cause;
  }
  return false;
}

/** E11000, also as the only kind of write error of a bulk write. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, writeErrors } = error as { code?: unknown; writeErrors?: unknown };
  const bulk: unknown[] = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (bulk.length > 0) return bulk.every((writeError) => isDuplicateKeyError(writeError));
  return code === 11000 || code === 11001;
}

/**
 * Runs an upsert, and runs it once more if it lost a race: two concurrent
 * upserts of the same new key may both try the insert, and the loser fails
 * with E11000. The second try finds the winner's document and updates it.
 */
export async function retryOnDuplicateKey<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return upsert();
  }
}
