# frozen_string_literal: true

module ::OnlineClinic
  # Reads one timeline page of a clinic: per source one query, bounded by the page's start and
  # limit + 1 rows, ordered by (at truncated to milliseconds, id) exactly as TimelinePage orders
  # them; then the entries of the rows TimelinePage keeps are built with a fixed number of
  # further queries (users, session numbers, folders, uploads), whatever the page's size.
  class TimelineQuery
    EXCERPT_LENGTH = 300

    AUDIT_ACTIONS = {
      "clinic" => %w[clinic_opened clinic_renamed clinic_archived clinic_reopened],
      "membership" => %w[client_added client_invited client_removed therapist_added],
      "record" => %w[session_sealed clinic_exported],
    }.freeze

    # A call is folded from the joins and leaves around it; events older than this before the
    # page's start are read so that a call running across the start is folded whole.
    CALL_LOOKBEHIND = 12.hours
    CALL_EVENTS_LIMIT = 5000

    def initialize(clinic, kinds:, limit:, start:)
      @clinic = clinic
      @kinds = kinds
      @limit = limit
      @start = start
    end

    def page
      rows = {}
      OnlineClinic::TimelinePage::SOURCES.each do |source, source_kinds|
        next if (source_kinds & @kinds).empty?
        rows[source] = send(:"#{source}_rows")
      end
      page = OnlineClinic::TimelinePage.merge(rows, limit: @limit, start: @start)
      { entries: build_entries(page.entries), next_cursor: page.next_cursor }
    end

    private

    def condition(source)
      OnlineClinic::TimelinePage.source_condition(@start, source)
    end

    def time_at(at_ms)
      Time.zone.at(Rational(at_ms, 1000))
    end

    def ms(time)
      time && (time.to_r * 1000).floor
    end

    # The page's bound on one source; at_sql is a timestamp column, or a column of milliseconds.
    def bounded(scope, source, at_sql, id_sql, milliseconds: false)
      at = milliseconds ? at_sql : "date_trunc('milliseconds', #{at_sql})"
      value = ->(at_ms) { milliseconds ? at_ms : time_at(at_ms) }
      cond = condition(source)
      scope =
        case cond[:op]
        when :all
          scope
        when :after
          scope.where("#{at} > ?", value.call(cond[:at_ms]))
        when :at_or_after
          scope.where("#{at} >= ?", value.call(cond[:at_ms]))
        when :after_id
          scope.where("(#{at}, #{id_sql}) > (?, ?)", value.call(cond[:at_ms]), cond[:id])
        end
      scope.order(Arel.sql("#{at}, #{id_sql}")).limit(@limit + 1)
    end

    def row(at_ms, id, kind, record)
      { at_ms: at_ms, id: id, entry: { kind: kind, record: record } }
    end

    def audit_rows
      actions = @kinds.flat_map { |kind| AUDIT_ACTIONS[kind] || [] }
      bounded(
        OnlineClinic::AuditEntry.where(clinic_id: @clinic.id, action: actions),
        "audit",
        "online_clinic_audit_entries.created_at",
        "online_clinic_audit_entries.id",
      ).map do |entry|
        kind = AUDIT_ACTIONS.find { |_kind, list| list.include?(entry.action) }.first
        row(ms(entry.created_at), entry.id, kind, entry)
      end
    end

    def session_rows
      bounded(
        OnlineClinic::Session.where(clinic_id: @clinic.id).where.not(started_at_ms: nil),
        "session",
        "online_clinic_sessions.started_at_ms",
        "online_clinic_sessions.id",
        milliseconds: true,
      ).map { |session| row(session.started_at_ms, session.id, "session", session) }
    end

    def topic_rows
      bounded(
        # The category's "About" topic is Discourse's, not part of the clinic's story.
        # Deleted topics keep their place, marked deleted, like deleted replies.
        Topic
          .with_deleted
          .where(category_id: @clinic.category_id, archetype: "regular")
          .where.not(id: @clinic.category.topic_id),
        "topic",
        "topics.created_at",
        "topics.id",
      ).map { |topic| row(ms(topic.created_at), topic.id, "topic", topic) }
    end

    # Replies, deleted ones included (they keep their place, marked deleted, without text).
    def post_rows
      # Not joins(:topic): that would bring Topic's default scope and drop deleted topics' replies.
      clinic_topic_ids = Topic.with_deleted.where(category_id: @clinic.category_id).select(:id)
      scope =
        Post
          .with_deleted
          .where(topic_id: clinic_topic_ids)
          .where(post_type: Post.types[:regular])
          .where("posts.post_number > 1")
      bounded(scope, "post", "posts.created_at", "posts.id").map do |post|
        row(ms(post.created_at), post.id, "post", post)
      end
    end

    def folder_item_rows
      scope =
        OnlineClinic::FolderItem.joins(:folder).where(
          online_clinic_folders: {
            clinic_id: @clinic.id,
          },
        )
      bounded(
        scope,
        "folder_item",
        "online_clinic_folder_items.created_at",
        "online_clinic_folder_items.id",
      ).map { |item| row(ms(item.created_at), item.id, "folder_item", item) }
    end

    def screen_rows
      bounded(
        OnlineClinic::ScreenShow.where(clinic_id: @clinic.id),
        "screen",
        "online_clinic_screen_shows.created_at",
        "online_clinic_screen_shows.id",
      ).map { |show| row(ms(show.created_at), show.id, "screen", show) }
    end

    # Calls are not rows: they are folded from the events around the page's start, then bounded
    # like any source (TimelinePage drops those before the start).
    def video_call_rows
      scope = OnlineClinic::VideoEvent.where(clinic_id: @clinic.id)
      scope = scope.where("created_at >= ?", time_at(@start.at_ms) - CALL_LOOKBEHIND) if @start
      events =
        scope
          .order(Arel.sql("date_trunc('milliseconds', created_at), id"))
          .limit(CALL_EVENTS_LIMIT)
          .pluck(:id, :user_id, :event, :created_at, :session_id)
          .map do |id, user_id, event, created_at, session_id|
            {
              id: id,
              user_id: user_id,
              event: event,
              at_ms: ms(created_at),
              session_id: session_id,
            }
          end
      OnlineClinic::VideoCalls
        .fold(events)
        .map { |call| row(call.started_at_ms, call.id, "video_call", call) }
    end

    def build_entries(entries)
      records =
        entries
          .group_by { |entry| entry[:kind] }
          .transform_values { |list| list.map { |entry| entry[:record] } }
      @users = load_users(records)
      @session_numbers = load_session_numbers(records)
      @post_sessions = load_post_sessions(records)
      @folder_names = load_folder_names(records)
      @topics = load_topics(records)
      @uploads = load_uploads(records)
      entries.map { |entry| send(:"#{entry[:kind]}_entry", entry[:record]) }
    end

    def load_users(records)
      ids = []
      %w[clinic membership record].each { |kind| ids.concat((records[kind] || []).map(&:actor_id)) }
      ids.concat((records["session"] || []).map(&:started_by_id))
      (records["session"] || []).each do |session|
        Array(session.summary&.dig("participants")).each { |item| ids << item["user_id"] }
      end
      (records["topic"] || []).each { |topic| ids.push(topic.user_id, topic.deleted_by_id) }
      (records["post"] || []).each { |post| ids.push(post.user_id, post.deleted_by_id) }
      ids.concat((records["screen"] || []).map(&:user_id))
      (records["video_call"] || []).each { |call| ids.concat(call.participant_ids) }
      User.where(id: ids.compact.uniq).index_by(&:id)
    end

    def load_session_numbers(records)
      ids = (records["screen"] || []).map(&:session_id)
      ids.concat((records["video_call"] || []).map(&:session_id))
      OnlineClinic::Session.where(id: ids.compact.uniq).pluck(:id, :number).to_h
    end

    def load_post_sessions(records)
      post_ids = (records["post"] || []).map(&:id)
      topic_ids = (records["topic"] || []).map(&:id)
      if topic_ids.any?
        @first_posts =
          Post.with_deleted.where(topic_id: topic_ids, post_number: 1).index_by(&:topic_id)
        post_ids += @first_posts.values.map(&:id)
      else
        @first_posts = {}
      end
      OnlineClinic::SessionPost.where(post_id: post_ids).pluck(:post_id, :session_number).to_h
    end

    def load_folder_names(records)
      topic_ids = (records["topic"] || []).map(&:id)
      folder_items = records["folder_item"] || []
      rows =
        OnlineClinic::FolderItem.includes(:folder).where(topic_id: topic_ids).to_a + folder_items
      OnlineClinic::Folder
        .where(id: rows.map(&:folder_id).uniq)
        .to_a
        .then do |folders|
          by_id = folders.index_by(&:id)
          rows.to_h { |item| [item.topic_id, by_id[item.folder_id]&.display_name] }
        end
    end

    def load_topics(records)
      ids = (records["post"] || []).map(&:topic_id)
      ids.concat((records["folder_item"] || []).map(&:topic_id))
      Topic.with_deleted.where(id: ids.uniq).index_by(&:id)
    end

    def load_uploads(records)
      ids = (records["screen"] || []).map(&:upload_id).compact.uniq
      Upload.where(id: ids).pluck(:id, :original_filename).to_h
    end

    def user_summary(user_id)
      user = user_id && @users[user_id]
      user && OnlineClinic::UserSummarySerializer.new(user, root: false).as_json
    end

    def entry(kind, id, at, actor_id, session_number, data)
      {
        key: "#{kind}-#{id}",
        kind: kind,
        at: OnlineClinic::AuditChain.format_time(at),
        actor: user_summary(actor_id),
        session_number: session_number,
        data: data,
      }
    end

    def audit_entry(record)
      kind = AUDIT_ACTIONS.find { |_kind, list| list.include?(record.action) }.first
      number = record.action == "session_sealed" ? record.details["number"] : nil
      entry(
        kind,
        record.id,
        record.created_at,
        record.actor_id,
        number,
        { action: record.action, details: record.details },
      )
    end
    alias clinic_entry audit_entry
    alias membership_entry audit_entry
    alias record_entry audit_entry

    def session_entry(session)
      summary =
        if session.summary.present?
          OnlineClinic::SessionSummarySerializer.new(
            session.summary,
            root: false,
            users: @users,
          ).as_json
        end
      entry(
        "session",
        session.id,
        session.started_at,
        session.started_by_id,
        session.number,
        {
          id: session.id,
          number: session.number,
          mode: session.mode,
          state: session.state,
          ended_at: session.ended_at && OnlineClinic::AuditChain.format_time(session.ended_at),
          ended_reason: session.ended_reason,
          summary: summary,
        },
      )
    end

    def topic_entry(topic)
      first_post = @first_posts[topic.id]
      entry(
        "topic",
        topic.id,
        topic.created_at,
        topic.user_id,
        first_post && @post_sessions[first_post.id],
        {
          topic_id: topic.id,
          title: topic.title,
          url: topic.relative_url,
          excerpt: first_post && !topic.deleted_at ? excerpt(first_post) : "",
          folder_name: @folder_names[topic.id],
          deleted:
            (
              if topic.deleted_at
                {
                  by: user_summary(topic.deleted_by_id),
                  at: OnlineClinic::AuditChain.format_time(topic.deleted_at),
                }
              end
            ),
        },
      )
    end

    def post_entry(post)
      topic = @topics[post.topic_id]
      deleted = post.deleted_at.present? || post.user_deleted
      entry(
        "post",
        post.id,
        post.created_at,
        post.user_id,
        @post_sessions[post.id],
        {
          post_id: post.id,
          topic_id: post.topic_id,
          topic_title: topic&.title,
          post_number: post.post_number,
          url: "#{topic&.relative_url}/#{post.post_number}",
          excerpt: deleted ? "" : excerpt(post),
          revision_count: [post.version.to_i - 1, 0].max,
          deleted:
            (
              if deleted
                {
                  by: user_summary(post.deleted_by_id || post.user_id),
                  at: OnlineClinic::AuditChain.format_time(post.deleted_at || post.updated_at),
                }
              end
            ),
        },
      )
    end

    def folder_item_entry(item)
      topic = @topics[item.topic_id]
      entry(
        "folder_item",
        item.id,
        item.created_at,
        topic&.user_id,
        nil,
        {
          topic_id: item.topic_id,
          title: topic&.title,
          url: topic&.relative_url,
          folder_name: @folder_names[item.topic_id],
        },
      )
    end

    def screen_entry(show)
      label =
        case show.item_kind
        when "document", "video"
          @uploads[show.upload_id]
        when "youtube"
          show.video_id
        else
          show.url
        end
      # Uploads are reached through the clinic's folders, never by a URL in the timeline.
      url =
        case show.item_kind
        when "page"
          show.url
        when "youtube"
          "https://www.youtube.com/watch?v=#{ERB::Util.url_encode(show.video_id.to_s)}"
        end
      entry(
        "screen",
        show.id,
        show.created_at,
        show.user_id,
        @session_numbers[show.session_id],
        { item_kind: show.item_kind, label: label.to_s, url: url },
      )
    end

    def video_call_entry(call)
      entry(
        "video_call",
        call.id,
        time_at(call.started_at_ms),
        call.participant_ids.first,
        @session_numbers[call.session_id],
        {
          ended_at:
            call.ended_at_ms && OnlineClinic::AuditChain.format_time(time_at(call.ended_at_ms)),
          duration_seconds: call.duration_seconds,
          participants: call.participant_ids.filter_map { |id| user_summary(id) },
        },
      )
    end

    # Plain text, at most EXCERPT_LENGTH characters: Discourse's own excerpt of the cooked HTML,
    # links and images reduced to their text, entities left as characters (the browser renders
    # it as text, never as HTML).
    def excerpt(post)
      text =
        post.excerpt(EXCERPT_LENGTH, strip_links: true, strip_images: true, text_entities: true)
      text.to_s.truncate(EXCERPT_LENGTH)
    end
  end
end
