# frozen_string_literal: true

module ::OnlineClinic
  # Reads a clinic's record from Discourse's tables in the shapes the pure RecordDigest and
  # ArchiveWriter take (docs/record.md). Deleted posts are read too: a deletion is part of the
  # record, not a way out of it.
  module RecordSource
    module_function

    def session_post_ids(session_id)
      OnlineClinic::SessionPost.where(session_id: session_id).pluck(:post_id)
    end

    def digest_for_session(session_id)
      post_ids = session_post_ids(session_id)
      OnlineClinic::RecordDigest.compute(
        posts: digest_posts(post_ids),
        uploads:
          upload_rows(post_ids).map { |row| row.slice(:id, :sha1, :filesize, :original_filename) },
      )
    end

    # RecordDigest's post input: the post's columns and every revision's raw after it.
    def digest_posts(post_ids)
      revisions = revisions_by_post(post_ids)
      Post
        .with_deleted
        .where(id: post_ids)
        .pluck(:id, :topic_id, :post_number, :user_id, :raw, :created_at, :updated_at, :deleted_at)
        .map do |id, topic_id, post_number, user_id, raw, created_at, updated_at, deleted_at|
          {
            id: id,
            topic_id: topic_id,
            post_number: post_number,
            user_id: user_id,
            raw: raw.to_s,
            created_at: created_at,
            updated_at: updated_at,
            deleted_at: deleted_at,
            revisions:
              revisions_after(raw.to_s, revisions[id] || []).map do |revision|
                revision.slice(:number, :user_id, :raw, :created_at)
              end,
          }
        end
    end

    # { post_id => [{ number, user_id, modifications, created_at }] } sorted by number.
    def revisions_by_post(post_ids)
      PostRevision
        .where(post_id: post_ids)
        .order(:post_id, :number)
        .pluck(:post_id, :number, :user_id, :modifications, :created_at)
        .group_by(&:first)
        .transform_values do |rows|
          rows.map do |_post_id, number, user_id, modifications, created_at|
            {
              number: number,
              user_id: user_id,
              modifications: modifications || {},
              created_at: created_at,
            }
          end
        end
    end

    # A revision stores the raw before and after it ("raw" => [before, after]) only when the raw
    # changed; walking back from the post's current raw gives the raw after every revision.
    def revisions_after(current_raw, revisions)
      raw = current_raw
      revisions
        .sort_by { |revision| -revision[:number] }
        .map do |revision|
          after = raw
          change = revision[:modifications]["raw"]
          raw = change[0].to_s if change.is_a?(Array) && change.size == 2
          revision.merge(raw: after)
        end
        .reverse
    end

    # The uploads the posts reference, once each.
    def upload_rows(post_ids)
      upload_ids =
        UploadReference.where(target_type: "Post", target_id: post_ids).distinct.pluck(:upload_id)
      Upload
        .where(id: upload_ids)
        .order(:id)
        .pluck(:id, :sha1, :filesize, :original_filename)
        .map do |id, sha1, filesize, original_filename|
          { id: id, sha1: sha1, filesize: filesize, original_filename: original_filename }
        end
    end
  end
end
