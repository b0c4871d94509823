import { sql, type Kysely } from 'kysely';

/**
 * Possible cross-file duplicates name the other files by id (detail.fileIds),
 * so a doubt is withdrawn once none of them counts (IngestRepository.
 * withdrawStaleDuplicates). Doubts raised before named the files only by name:
 * their ids are found again here, as the files holding a registration of the
 * same model in the same year as the doubted row, with one of those names,
 * other than the row's own file. Doubts within one file (detail.first) have
 * no other file and are left as they are. The doubts that are already stale
 * are withdrawn when the server starts (UploadsService).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update review_item set detail = json_merge_patch(review_item.detail, json_object('fileIds', found.file_ids))
    from (
      select item.id, to_json(list(distinct other.source_file_id order by other.source_file_id)) as file_ids
        from review_item item
        join registration own on own.id = item.record_id
        join registration other on other.model_id = own.model_id and other.year = own.year and other.source_file_id <> item.source_file_id
        join source_file f on f.id = other.source_file_id
       where item.reason = 'possible_duplicate'
         and json_extract(item.detail, '$.fileIds') is null
         and json_extract(item.detail, '$.files') is not null
         and list_contains(json_extract(item.detail, '$.files')::VARCHAR[], f.file_name)
       group by item.id
    ) as found
    where review_item.id = found.id`.execute(db);
}
