import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import type { Category, CategoryInput } from '../../domain/entities/category.js';
import type { Page, PageRequest } from '../../domain/pagination.js';
import type { CategoryFilter, CategoryRepository } from '../../domain/ports/storage.port.js';
import { newId } from '../../domain/ids.js';
import { retryOnDuplicateKey } from './mongo-errors.js';
import type { CategoryDoc } from './mongo-models.js';
import { byIds, defined, pageBy } from './mongo-paging.js';

function categoryFromDoc(doc: CategoryDoc): Category {
  return defined({
    id: doc._id,
    site: doc.site,
    url: doc.url,
    path: doc.path,
    name: doc.name,
    parentUrl: doc.parentUrl,
    parentId: doc.parentId,
    type: doc.type,
    depth: doc.depth,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  }) as Category;
}

/**
 * The update that inserts or refreshes a category by URL, with the SQLite
 * adapter's rules: name and path are replaced; parent URL and parent id only
 * when known; type and depth only when given (else kept, or defaulted on insert);
 * the site and id are fixed at insert.
 */
function upsertUpdate(input: CategoryInput, parentId: string | undefined, now: Date): UpdateQuery<CategoryDoc> {
  const set: Partial<CategoryDoc> = { name: input.name, path: input.path, updatedAt: now };
  const onInsert: Partial<CategoryDoc> = { _id: newId(now.getTime()), site: input.site, createdAt: now };
  if (input.parentUrl) set.parentUrl = input.parentUrl;
  if (parentId) set.parentId = parentId;
  if (input.type) set.type = input.type;
  else onInsert.type = 'OTHER';
  if (input.depth !== undefined) set.depth = input.depth;
  else onInsert.depth = 0;
  const update: UpdateQuery<CategoryDoc> = { $set: set, $setOnInsert: onInsert };
  if (input.campaignId) update.$addToSet = { campaignIds: input.campaignId };
  return update;
}

export class MongoCategoryRepository implements CategoryRepository {
  constructor(private readonly model: Model<CategoryDoc>) {}

  async upsert(input: CategoryInput): Promise<Category> {
    return this.upsertAt(input, new Date());
  }

  /**
   * Inserts or refreshes a category by URL and wires parent links both ways:
   * this category to a parent already stored, and stored children to this one.
   * Without a transaction, a child and its parent written at the same moment
   * could each miss the other; so after its own write a child looks its parent
   * up once more (one of the two writers always sees the other's write).
   */
  async upsertAt(input: CategoryInput, now: Date): Promise<Category> {
    const parentId = input.parentUrl ? await this.idOf(input.parentUrl) : undefined;
    let doc = await retryOnDuplicateKey(() =>
      this.model.findOneAndUpdate({ url: input.url }, upsertUpdate(input, parentId, now), { upsert: true, returnDocument: 'after' }).lean<CategoryDoc>().orFail());
    await this.model.updateMany({ parentUrl: doc.url, parentId: null }, { $set: { parentId: doc._id } });
    if (input.parentUrl && !doc.parentId) {
      const lateParentId = await this.idOf(input.parentUrl);
      if (lateParentId) {
        await this.model.updateOne({ _id: doc._id, parentId: null }, { $set: { parentId: lateParentId } });
        doc = (await this.model.findById(doc._id).lean<CategoryDoc>()) ?? doc;
      }
    }
    return categoryFromDoc(doc);
  }

  private async idOf(url: string): Promise<string | undefined> {
    const doc = await this.model.findOne({ url }, { _id: 1 }).lean<Pick<CategoryDoc, '_id'>>();
    return doc?._id;
  }

  async getByIds(ids: readonly string[]): Promise<(Category | null)[]> {
    return byIds(this.model, ids, categoryFromDoc);
  }

  async getByUrl(url: string): Promise<Category | null> {
    const doc = await this.model.findOne({ url }).lean<CategoryDoc>();
    return doc ? categoryFromDoc(doc) : null;
  }

  async list(filter: CategoryFilter, page: PageRequest): Promise<Page<Category>> {
    const query: QueryFilter<CategoryDoc> = {};
    if (filter.site) query.site = filter.site;
    if (filter.type) query.type = filter.type;
    if (filter.parentId) query.parentId = filter.parentId;
    if (filter.campaignId) query.campaignIds = filter.campaignId;
    return pageBy(this.model, query, page, categoryFromDoc);
  }

  /** Walks the tree one level per query (FerretDB has no `$graphLookup`); a cycle stops at ids already seen. */
  async descendantIds(categoryId: string): Promise<string[]> {
    const seen = new Set<string>([categoryId]);
    let frontier = [categoryId];
    while (frontier.length > 0) {
      const children = await this.model.find({ parentId: { $in: frontier } }, { _id: 1 }).lean<Pick<CategoryDoc, '_id'>[]>();
      frontier = children.map((c) => c._id).filter((id) => !seen.has(id));
      for (const id of frontier) seen.add(id);
    }
    seen.delete(categoryId);
    return [...seen].sort();
  }
}
