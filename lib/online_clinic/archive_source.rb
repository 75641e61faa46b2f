# frozen_string_literal: true

module ::OnlineClinic
  # Feeds ArchiveWriter a clinic's whole record from the database (docs/record.md): topics, their
  # posts (deleted ones too) with revisions, and the uploads they reference are read in batches
  # and walked once, so memory stays bounded whatever the clinic's size.
  class ArchiveSource
    TOPIC_BATCH = 50
    UPLOAD_BATCH = 100
    AUDIT_BATCH = 1000

    def initialize(clinic)
      @clinic = clinic
    end

    def writer_inputs
      {
        clinic: clinic_row,
        members: member_rows,
        sessions: session_rows,
        topics: topics,
        uploads: uploads,
        audit_entries: audit_entries,
      }
    end

    def clinic_row
      {
        id: @clinic.id,
        name: @clinic.name,
        kind: @clinic.kind,
        status: @clinic.status,
        created_at: @clinic.created_at,
        archived_at: @clinic.respond_to?(:archived_at) ? @clinic.archived_at : nil,
      }
    end

    def member_rows
      @clinic
        .memberships
        .includes(:user)
        .map do |membership|
          user = membership.user
          { id: user.id, username: user.username, name: user.name, role: membership.role }
        end
    end

    def session_rows
      digests =
        OnlineClinic::SessionSeal.where(clinic_id: @clinic.id).pluck(:session_id, :digest).to_h
      OnlineClinic::Session
        .where(clinic_id: @clinic.id)
        .order(:number)
        .map do |session|
          {
            id: session.id,
            number: session.number,
            mode: session.mode,
            state: session.state,
            started_at: session.started_at,
            ended_at: session.ended_at,
            ended_reason: session.ended_reason,
            summary: session.summary,
            topic_id: session.topic_id,
            digest: digests[session.id],
          }
        end
    end

    # Every topic of the clinic's category (deleted ones too) in the order they were opened.
    def topics
      Enumerator.new do |yielder|
        Topic
          .with_deleted
          .where(category_id: @clinic.category_id)
          .in_batches(of: TOPIC_BATCH) do |batch|
            rows = batch.order(:id).to_a
            posts = posts_by_topic(rows.map(&:id))
            folders = folder_names(rows.map(&:id))
            rows.each do |topic|
              yielder << {
                id: topic.id,
                title: topic.title,
                slug: topic.slug,
                created_at: topic.created_at,
                deleted_at: topic.deleted_at,
                folder: folders[topic.id],
                posts: posts[topic.id] || [],
              }
            end
          end
      end
    end

    # { topic_id => the name of its folder } for the topics of one batch.
    def folder_names(topic_ids)
      OnlineClinic::FolderItem
        .where(topic_id: topic_ids)
        .includes(:folder)
        .to_h { |item| [item.topic_id, item.folder.display_name] }
    end

    def uploads
      Enumerator.new do |yielder|
        Upload
          .where(id: clinic_upload_ids)
          .find_each(batch_size: UPLOAD_BATCH) do |upload|
            yielder << {
              id: upload.id,
              sha1: upload.sha1,
              original_filename: upload.original_filename,
              filesize: upload.filesize,
              open: -> { open_upload(upload) },
            }
          end
      end
    end

    # In seq order, a batch at a time.
    def audit_entries
      Enumerator.new do |yielder|
        last_seq = 0
        loop do
          batch =
            OnlineClinic::AuditEntry
              .where(clinic_id: @clinic.id)
              .where("seq > ?", last_seq)
              .order(:seq)
              .limit(AUDIT_BATCH)
              .to_a
          break if batch.empty?
          batch.each { |entry| yielder << entry.to_chain_hash }
          last_seq = batch.last.seq
        end
      end
    end

    private

    # Not joins(:topic): that join carries Topic's default scope (deleted_at IS NULL), and the
    # files of a deleted topic belong in the archive as much as the topic does.
    def clinic_post_ids
      Post.with_deleted.where(topic_id: clinic_topic_ids).select(:id)
    end

    def clinic_topic_ids
      Topic.with_deleted.where(category_id: @clinic.category_id).select(:id)
    end

    def clinic_upload_ids
      UploadReference.where(target_type: "Post", target_id: clinic_post_ids).select(:upload_id)
    end

    def posts_by_topic(topic_ids)
      posts =
        Post
          .with_deleted
          .where(topic_id: topic_ids, post_type: Post.types[:regular])
          .order(:topic_id, :post_number)
          .to_a
      post_ids = posts.map(&:id)
      revisions = OnlineClinic::RecordSource.revisions_by_post(post_ids)
      upload_ids =
        UploadReference
          .where(target_type: "Post", target_id: post_ids)
          .pluck(:target_id, :upload_id)
          .group_by(&:first)
      user_ids =
        posts.flat_map { |post| [post.user_id, post.deleted_by_id] } +
          revisions.values.flatten.map { |revision| revision[:user_id] }
      usernames = User.where(id: user_ids.compact.uniq).pluck(:id, :username).to_h
      posts
        .map { |post| post_row(post, revisions[post.id] || [], upload_ids, usernames) }
        .group_by { |row| row[:topic_id] }
    end

    def post_row(post, revisions, upload_ids, usernames)
      {
        id: post.id,
        topic_id: post.topic_id,
        post_number: post.post_number,
        user_id: post.user_id,
        username: usernames[post.user_id],
        raw: post.raw.to_s,
        created_at: post.created_at,
        updated_at: post.updated_at,
        deleted_at: post.deleted_at,
        deleted_by_username: usernames[post.deleted_by_id],
        upload_ids: (upload_ids[post.id] || []).map(&:last).sort,
        revisions:
          OnlineClinic::RecordSource
            .revisions_after(post.raw.to_s, revisions)
            .map do |revision|
              {
                number: revision[:number],
                username: usernames[revision[:user_id]],
                raw: revision[:raw],
                created_at: revision[:created_at],
              }
            end,
      }
    end

    # A file that is gone answers nil, which the writer lists as not_found; the rest of the
    # archive is written.
    def open_upload(upload)
      path = OnlineClinic::ClinicUploads.file_path(upload)
      path && File.open(path, "rb")
    end
  end
end
