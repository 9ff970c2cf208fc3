import type { Model, QueryFilter } from 'mongoose';
import type { DeadLetter, DeadLetterFilter } from '../../domain/entities/dead-letter.js';
import { newId } from '../../domain/ids.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { DeadLetterRepository } from '../../domain/ports/storage.port.js';
import { retryOnDuplicateKey } from './mongo-errors.js';
import type { DeadLetterDoc } from './mongo-models.js';
import { defined, pageBy } from './mongo-paging.js';

/** Dead letters on MongoDB: one document per job id; every write is a single-document atomic update. */
export class MongoDeadLetterRepository implements DeadLetterRepository {
  constructor(private readonly model: Model<DeadLetterDoc>) {}

  async put(letter: Omit<DeadLetter, 'id' | 'retries' | 'status' | 'retriedAt'>): Promise<DeadLetter> {
    const { jobId, ...fields } = letter;
    const unset: Record<string, 1> = {};
    for (const key of ['priority', 'campaignId', 'url', 'data'] as const) if (letter[key] === undefined) unset[key] = 1;
    const doc = await retryOnDuplicateKey(() => this.model.findOneAndUpdate(
      { jobId },
      { $set: { ...defined(fields), status: 'DEAD' }, $setOnInsert: { _id: newId(), retries: 0 }, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
      { upsert: true, returnDocument: 'after' },
    ).lean<DeadLetterDoc>());
    return fromDoc(doc!);
  }

  async get(id: string): Promise<DeadLetter | null> {
    const doc = await this.model.findById(id).lean<DeadLetterDoc>();
    return doc ? fromDoc(doc) : null;
  }

  async getByJobId(jobId: string): Promise<DeadLetter | null> {
    const doc = await this.model.findOne({ jobId }).lean<DeadLetterDoc>();
    return doc ? fromDoc(doc) : null;
  }

  async list(filter: DeadLetterFilter, page: PageRequest): Promise<Page<DeadLetter>> {
    const query: QueryFilter<DeadLetterDoc> = defined({
      campaignId: filter.campaignId, code: filter.code, type: filter.type, status: filter.status,
      deadAt: filter.since ? { $gte: filter.since } : undefined,
    }) as QueryFilter<DeadLetterDoc>;
    return pageBy(this.model, query, page, fromDoc);
  }

  async markRetried(id: string, at: Date): Promise<DeadLetter | null> {
    const doc = await this.model.findOneAndUpdate({ _id: id, status: 'DEAD' }, { $set: { status: 'RETRIED', retriedAt: at }, $inc: { retries: 1 } }, { returnDocument: 'after' })
      .lean<DeadLetterDoc>();
    return doc ? fromDoc(doc) : null;
  }

  async remove(id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id })).deletedCount > 0;
  }

  async purge(before: Date): Promise<number> {
    return (await this.model.deleteMany({ deadAt: { $lt: before } })).deletedCount;
  }
}

function fromDoc(doc: DeadLetterDoc): DeadLetter {
  const { _id, ...rest } = doc;
  return defined({ ...rest, id: _id, attempts: rest.attempts.map((a) => defined({ ...a })) }) as DeadLetter;
}
