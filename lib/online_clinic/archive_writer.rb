# frozen_string_literal: true

require "digest"
require "json"
require "tempfile"
require "zip"
require_relative "audit_chain"
require_relative "archive_manifest"

module OnlineClinic
  # Writes a clinic's export as a zip (docs/record.md, "Archive layout"), streaming: uploads are
  # copied in CHUNK_SIZE pieces and hashed while written, topics are taken one at a time, and
  # what must appear twice (record.json and the copy embedded in index.html) is spooled to a
  # temporary file rather than held in memory. So memory stays bounded whatever the clinic's size.
  #
  # Inputs are plain hashes (string or symbol keys; times may be Time-like):
  #   clinic:        { id, name, kind, created_at, ... }
  #   members:       [{ id, username, name, role }]
  #   sessions:      [{ id, number, mode, started_at, ended_at, summary, topic_id, digest }]
  #   topics:        enumerable (walked once) of { id, title, slug, created_at, folder (name or
  #                  nil), posts: [{ id,
  #                  post_number, user_id, username, raw, created_at, updated_at, deleted_at,
  #                  deleted_by_username, upload_ids, revisions: [{ number, username, raw,
  #                  created_at }] }] }
  #   uploads:       enumerable (walked once) of { id, sha1, original_filename, filesize,
  #                  open: -> { IO or nil } }; nil or Errno::ENOENT means the file is gone
  #   audit_entries: enumerable of stored chain entries in seq order
  class ArchiveWriter
    CHUNK_SIZE = 64 * 1024
    RECORD_FORMAT = "online-clinic-record"
    RECORD_VERSION = 1

    Result = Struct.new(:path, :manifest, :failed_uploads, keyword_init: true)

    # Counts, hashes and forwards every byte written to one zip entry.
    class HashingSink
      attr_reader :size

      def initialize(out)
        @out = out
        @sha256 = Digest::SHA256.new
        @size = 0
      end

      # Encodings do not matter to either side, so the bytes are not copied.
      def <<(data)
        @out << data
        @sha256 << data
        @size += data.bytesize
        self
      end

      def hexdigest
        @sha256.hexdigest
      end
    end

    # Makes JSON safe inside <script type="application/json">: "<", ">" and "&" only occur inside
    # JSON strings, where \u escapes mean the same, and they are ASCII, so no chunk boundary can
    # split one.
    class ScriptSafeSink
      ESCAPES = { "<" => "\\u003c", ">" => "\\u003e", "&" => "\\u0026" }.freeze

      def initialize(out)
        @out = out
      end

      def <<(data)
        @out << data.b.gsub(/[<>&]/n) { |char| ESCAPES[char] }
        self
      end
    end

    def initialize(
      clinic:,
      members:,
      sessions:,
      topics:,
      uploads:,
      audit_entries:,
      exported_at:,
      exporter:,
      locale: "en"
    )
      @clinic = plain(clinic)
      @members = plain(members)
      @sessions = plain(sessions)
      @topics = topics
      @uploads = uploads
      @audit_entries = audit_entries
      @exported_at =
        exported_at.respond_to?(:utc) ? AuditChain.format_time(exported_at) : exported_at
      @exporter = plain(exporter)
      @labels = LABELS.fetch(locale.to_s) { LABELS["en"] }
    end

    def write(path)
      @upload_rows = []
      @failed_uploads = []
      @pending_files = []
      @manifest = nil
      @usernames = @members.to_h { |member| [member["id"], member["username"]] }

      Tempfile.create(%w[clinic-topics .json], binmode: true) do |topics_file|
        Tempfile.create(%w[clinic-audit .json], binmode: true) do |audit_file|
          ::Zip::OutputStream.open(path) do |zip|
            @zip = zip
            write_uploads
            upload_rows_by_id = {}
            @upload_rows.each { |row| upload_rows_by_id[row["id"]] = row }
            write_topics(topics_file, upload_rows_by_id)
            head = spool_audit_log(audit_file)
            @manifest =
              ArchiveManifest.new(
                clinic_id: @clinic["id"],
                exported_at: @exported_at,
                exporter: @exporter,
                chain_head: head,
              )
            @pending_files.each { |file| @manifest.add_file(**file) }
            @failed_uploads.each do |failure|
              @manifest.add_missing(
                path: failure[:path],
                reason: failure[:reason],
                upload_id: failure[:upload_id],
              )
            end
            entry("audit-log.json") { |sink| copy(audit_file, sink) }
            entry("record.json") { |sink| write_record(sink, topics_file) }
            entry("index.html") { |sink| write_reader(sink, topics_file, audit_file) }
            manifest_json = @manifest.to_json
            zip.put_next_entry(ArchiveManifest::FILE_NAME)
            zip << manifest_json
          end
        end
      end

      Result.new(path: path, manifest: @manifest.to_h, failed_uploads: @failed_uploads)
    end

    # "uploads/<sha1>-<name>": ASCII only, so that every unzip tool shows the same name; the
    # original name stays in record.json.
    def self.upload_path(upload)
      name = File.basename(upload["original_filename"].to_s.tr("\\", "/"))
      name = name.gsub(/[^A-Za-z0-9._-]+/, "_").sub(/\A\.+/, "")
      name = name[-100..] if name.length > 100
      name = "file" if name.empty?
      prefix =
        (
          if upload["sha1"].to_s.match?(/\A\h{40}\z/)
            upload["sha1"].downcase
          else
            "upload-#{upload["id"]}"
          end
        )
      "uploads/#{prefix}-#{name}"
    end

    def self.topic_path(topic)
      slug = topic["slug"].to_s.downcase.gsub(/[^a-z0-9-]+/, "-").gsub(/\A-+|-+\z/, "")[0, 80]
      slug.to_s.empty? ? "markdown/#{topic["id"]}.md" : "markdown/#{topic["id"]}-#{slug}.md"
    end

    private

    # Files written before the manifest exists (the chain head is known only after the audit
    # log is spooled) are remembered here and added to it in one go.
    def entry(path, stored: false)
      method = stored ? ::Zip::Entry::STORED : ::Zip::Entry::DEFLATED
      @zip.put_next_entry(path, "", ::Zip::ExtraField.new, method)
      sink = HashingSink.new(@zip)
      yield sink
      file = { path: path, size: sink.size, sha256: sink.hexdigest }
      @manifest ? @manifest.add_file(**file) : @pending_files << file
    end

    def write_uploads
      written = {}
      @uploads.each do |upload|
        row = plain(upload.reject { |key, _| key.to_s == "open" })
        path = self.class.upload_path(row)
        if written.key?(path)
          # Discourse keeps one upload per sha1; a second row with the same bytes and name points
          # at the copy already written.
          @upload_rows << row.merge("path" => path, "status" => written[path])
          next
        end
        status = write_upload(path, row, upload[:open] || upload["open"])
        written[path] = status
        @upload_rows << row.merge("path" => path, "status" => status)
      end
    end

    def write_upload(path, row, opener)
      io = opener&.call
      return fail_upload(path, row, "not_found", nil) if io.nil?

      begin
        entry(path, stored: true) do |sink|
          buffer = +""
          sink << buffer while io.read(CHUNK_SIZE, buffer)
        end
      rescue StandardError => e
        # Halfway through: the partial bytes stay in the zip (an entry cannot be taken back), the
        # manifest lists the path as missing, and the verifier accepts it only as such.
        return fail_upload(path, row, "unreadable", e)
      ensure
        io.close if io.respond_to?(:close)
      end
      "included"
    rescue Errno::ENOENT => e
      fail_upload(path, row, "not_found", e)
    rescue StandardError => e
      fail_upload(path, row, "unreadable", e)
    end

    def fail_upload(path, row, reason, error)
      @failed_uploads << {
        path: path,
        upload_id: row["id"],
        reason: reason,
        error: error&.class&.name,
      }
      reason
    end

    def write_topics(topics_file, upload_paths)
      first = true
      @topics.each do |raw_topic|
        topic = plain(raw_topic)
        entry(self.class.topic_path(topic)) { |sink| sink << topic_markdown(topic, upload_paths) }
        topics_file << (first ? "" : ",") << AuditChain.canonical_json(topic)
        first = false
      end
    end

    def spool_audit_log(audit_file)
      last = nil
      audit_file << "["
      @audit_entries.each_with_index do |raw_entry, index|
        last = plain(raw_entry)
        audit_file << (index.zero? ? "" : ",") << AuditChain.canonical_json(last)
      end
      audit_file << "]"
      last && { "seq" => last["seq"], "entry_hash" => last["entry_hash"] }
    end

    # record.json is canonical JSON: its keys are written here in sorted order, as
    # AuditChain.canonical_json would, with the spooled topics streamed in the middle.
    def write_record(sink, topics_file)
      before = {
        "clinic" => @clinic,
        "exported_at" => @exported_at,
        "format" => RECORD_FORMAT,
        "members" => @members,
        "sessions" => @sessions,
      }
      after = { "uploads" => @upload_rows, "version" => RECORD_VERSION }
      sink << AuditChain.canonical_json(before).delete_suffix("}") << ",\"topics\":["
      copy(topics_file, sink)
      sink << "]," << AuditChain.canonical_json(after).delete_prefix("{")
    end

    def write_reader(sink, topics_file, audit_file)
      head, tail = READER_TEMPLATE.split("{{DATA}}", 2)
      sink << head.sub("{{LABELS}}") { ScriptSafe.json(LABELS) }
      safe = ScriptSafeSink.new(sink)
      safe << "{\"audit_log\":"
      copy(audit_file, safe)
      safe << ",\"record\":"
      write_record(safe, topics_file)
      safe << "}"
      sink << tail
    end

    def copy(file, sink)
      file.flush
      file.rewind
      buffer = +""
      sink << buffer while file.read(CHUNK_SIZE, buffer)
      file.seek(0, IO::SEEK_END)
    end

    def topic_markdown(topic, upload_paths)
      lines = ["# #{topic["title"]}", ""]
      lines << "_#{@labels["folder"]}: #{topic["folder"]}_" << "" if topic["folder"]
      Array(topic["posts"]).each do |post|
        lines << "---" << ""
        lines << "**#{post["username"] || @usernames[post["user_id"]]}** · #{post["created_at"]} · ##{post["post_number"]}"
        if post["updated_at"] && post["updated_at"] != post["created_at"]
          lines << "_#{@labels["edited"]} #{post["updated_at"]}_"
        end
        if post["deleted_at"]
          lines << "_#{@labels["deleted"]} #{post["deleted_at"]} #{post["deleted_by_username"]}_".rstrip
        end
        lines << "" << post["raw"].to_s << ""
        Array(post["upload_ids"]).each do |upload_id|
          upload = upload_paths[upload_id]
          next if upload.nil?

          name = upload["original_filename"].to_s.gsub(/[\[\]()\n]/, "_")
          lines << "- [#{name}](../#{upload["path"]})#{upload["status"] == "included" ? "" : " (#{@labels["missing"]})"}"
        end
        Array(post["revisions"])
          .sort_by { |revision| revision["number"].to_i }
          .each do |revision|
            lines << "" <<
              "> #{@labels["version"]} #{revision["number"]} · #{revision["username"]} · #{revision["created_at"]}"
            revision["raw"].to_s.each_line { |line| lines << "> #{line.chomp}" }
          end
        lines << ""
      end
      lines.join("\n")
    end

    # Hash keys to strings, symbols to strings, times to AuditChain's form: what canonical JSON
    # accepts. Anything else it rejects (floats, objects) fails loudly there.
    def plain(value)
      case value
      when Hash
        value.to_h { |key, item| [key.to_s, plain(item)] }
      when Array
        value.map { |item| plain(item) }
      when Symbol
        value.to_s
      else
        value.respond_to?(:utc) && !value.is_a?(String) ? AuditChain.format_time(value) : value
      end
    end

    module ScriptSafe
      def self.json(value)
        AuditChain.canonical_json(value).gsub(/[<>&]/) { |char| ScriptSafeSink::ESCAPES[char] }
      end
    end

    # The reader's strings. The reader is a standalone document opened from disk, outside
    # Discourse, so it cannot use the plugin's locale files: this dictionary is its i18n.
    LABELS = {
      "en" => {
        "title" => "Clinic record",
        "exported" => "Exported",
        "language" => "עברית",
        "sessions" => "Sessions",
        "session" => "Session",
        "mode" => "Mode",
        "started" => "Started",
        "ended" => "Ended",
        "summary" => "Summary",
        "digest" => "Digest",
        "topics" => "Topics",
        "folder" => "Folder",
        "members" => "Members",
        "audit_log" => "Audit log",
        "action" => "Action",
        "by" => "By",
        "when" => "When",
        "details" => "Details",
        "edited" => "Edited",
        "deleted" => "Deleted",
        "version" => "Version",
        "missing" => "missing from this archive",
        "empty" => "Nothing here yet.",
        "verify_hint" =>
          "To check that nothing in this archive was changed, run bin/verify-archive on the zip file.",
        "mode_written" => "Written",
        "mode_video" => "Video",
        "mode_chat" => "Chat",
        "mode_face_to_face" => "Face to face",
      },
      "he" => {
        "title" => "תיעוד הקליניקה",
        "exported" => "יוצא",
        "language" => "English",
        "sessions" => "פגישות",
        "session" => "פגישה",
        "mode" => "אופן",
        "started" => "התחילה",
        "ended" => "הסתיימה",
        "summary" => "סיכום",
        "digest" => "תקציר גיבוב",
        "topics" => "נושאים",
        "folder" => "תיקייה",
        "members" => "משתתפים",
        "audit_log" => "יומן ביקורת",
        "action" => "פעולה",
        "by" => "על ידי",
        "when" => "מתי",
        "details" => "פרטים",
        "edited" => "נערך",
        "deleted" => "נמחק",
        "version" => "גרסה",
        "missing" => "חסר בארכיון זה",
        "empty" => "אין כאן עדיין דבר.",
        "verify_hint" =>
          "כדי לבדוק ששום דבר בארכיון לא שונה, הריצו את bin/verify-archive על קובץ ה-zip.",
        "mode_written" => "בכתב",
        "mode_video" => "וידאו",
        "mode_chat" => "צ'אט",
        "mode_face_to_face" => "פנים אל פנים",
      },
    }.freeze

    # One self-contained page: no network (the CSP forbids it), every piece of user text put in
    # with textContent, the data read from an inert JSON block.
    READER_TEMPLATE = <<~'HTML'
      <!DOCTYPE html>
      <html lang="en" dir="ltr">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Clinic record</title>
      <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 50rem; padding: 1rem; color: #222; }
      header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
      h2 { border-bottom: 1px solid #ccc; margin-top: 2rem; }
      .post { border-inline-start: 3px solid #ddd; padding-inline-start: 0.75rem; margin: 1rem 0; }
      .post--deleted { opacity: 0.7; border-color: #c66; }
      .meta { color: #666; font-size: 0.875rem; }
      .raw { white-space: pre-wrap; overflow-wrap: anywhere; }
      .revision { margin-inline-start: 1rem; color: #555; }
      table { border-collapse: collapse; width: 100%; }
      td, th { border-bottom: 1px solid #eee; padding: 0.25rem; text-align: start; vertical-align: top; }
      .details { font-family: monospace; font-size: 0.8rem; overflow-wrap: anywhere; }
      </style>
      </head>
      <body>
      <main id="reader"></main>
      <script type="application/json" id="reader-labels">{{LABELS}}</script>
      <script type="application/json" id="clinic-record">{{DATA}}</script>
      <script>
      (function () {
        "use strict";
        var data = JSON.parse(document.getElementById("clinic-record").textContent);
        var labels = JSON.parse(document.getElementById("reader-labels").textContent);
        var record = data.record;
        var lang = /^he\b/i.test(navigator.language || "") ? "he" : "en";

        function t(key) { return labels[lang][key] || labels.en[key] || key; }
        function el(tag, text, className) {
          var node = document.createElement(tag);
          if (text !== undefined && text !== null) { node.textContent = String(text); }
          if (className) { node.className = className; }
          return node;
        }
        function when(iso) {
          if (!iso) { return ""; }
          var date = new Date(iso);
          return isNaN(date) ? String(iso) : date.toLocaleString(lang === "he" ? "he-IL" : "en-GB");
        }
        function row(cells, header) {
          var tr = el("tr");
          cells.forEach(function (cell) { tr.appendChild(el(header ? "th" : "td", cell)); });
          return tr;
        }
        function table(headers, rows) {
          if (rows.length === 0) { return el("p", t("empty")); }
          var node = el("table");
          node.appendChild(row(headers, true));
          rows.forEach(function (cells) { node.appendChild(row(cells)); });
          return node;
        }
        var names = {};
        (record.members || []).forEach(function (m) { names[m.id] = m.username; });
        var uploads = {};
        (record.uploads || []).forEach(function (u) { uploads[u.id] = u; });

        function post(p) {
          var node = el("article", null, p.deleted_at ? "post post--deleted" : "post");
          var meta = [p.username || names[p.user_id] || "", when(p.created_at), "#" + p.post_number];
          if (p.updated_at && p.updated_at !== p.created_at) { meta.push(t("edited") + " " + when(p.updated_at)); }
          if (p.deleted_at) { meta.push(t("deleted") + " " + when(p.deleted_at) + " " + (p.deleted_by_username || "")); }
          node.appendChild(el("div", meta.join(" · "), "meta"));
          var raw = el("div", p.raw, "raw");
          raw.dir = "auto";
          node.appendChild(raw);
          (p.upload_ids || []).forEach(function (id) {
            var u = uploads[id];
            if (!u) { return; }
            if (u.status === "included" && /^uploads\/[A-Za-z0-9._-]+$/.test(u.path)) {
              var link = el("a", u.original_filename);
              link.setAttribute("href", u.path);
              var line = el("div");
              line.appendChild(link);
              node.appendChild(line);
            } else {
              node.appendChild(el("div", u.original_filename + " (" + t("missing") + ")", "meta"));
            }
          });
          (p.revisions || []).forEach(function (r) {
            var rev = el("details", null, "revision");
            rev.appendChild(el("summary", t("version") + " " + r.number + " · " + (r.username || "") + " · " + when(r.created_at)));
            var body = el("div", r.raw, "raw");
            body.dir = "auto";
            rev.appendChild(body);
            node.appendChild(rev);
          });
          return node;
        }

        function render() {
          document.documentElement.lang = lang;
          document.documentElement.dir = lang === "he" ? "rtl" : "ltr";
          document.title = t("title") + " · " + (record.clinic.name || "");
          var main = document.getElementById("reader");
          while (main.firstChild) { main.removeChild(main.firstChild); }

          var header = el("header");
          var heading = el("h1", record.clinic.name || t("title"));
          heading.dir = "auto";
          header.appendChild(heading);
          var toggle = el("button", t("language"));
          toggle.type = "button";
          toggle.addEventListener("click", function () { lang = lang === "he" ? "en" : "he"; render(); });
          header.appendChild(toggle);
          main.appendChild(header);
          main.appendChild(el("p", t("exported") + " " + when(record.exported_at), "meta"));
          main.appendChild(el("p", t("verify_hint"), "meta"));

          main.appendChild(el("h2", t("members")));
          main.appendChild(table([t("members")], (record.members || []).map(function (m) {
            return [(m.name ? m.name + " " : "") + "@" + m.username];
          })));

          main.appendChild(el("h2", t("sessions")));
          main.appendChild(table([t("session"), t("mode"), t("started"), t("ended"), t("summary"), t("digest")],
            (record.sessions || []).map(function (s) {
              return [s.number, t("mode_" + s.mode), when(s.started_at), when(s.ended_at), s.summary || "", s.digest || ""];
            })));

          main.appendChild(el("h2", t("topics")));
          if (!(record.topics || []).length) { main.appendChild(el("p", t("empty"))); }
          (record.topics || []).forEach(function (topic) {
            var section = el("section");
            var title = el("h3", topic.title);
            title.dir = "auto";
            section.appendChild(title);
            if (topic.folder) {
              var folder = el("p", t("folder") + ": " + topic.folder);
              folder.dir = "auto";
              section.appendChild(folder);
            }
            (topic.posts || []).forEach(function (p) { section.appendChild(post(p)); });
            main.appendChild(section);
          });

          main.appendChild(el("h2", t("audit_log")));
          main.appendChild(table(["#", t("action"), t("by"), t("when"), t("details")],
            (data.audit_log || []).map(function (e) {
              return [e.seq, e.action, names[e.actor_id] || e.actor_id, when(e.created_at), JSON.stringify(e.details)];
            })));
        }
        render();
      })();
      </script>
      </body>
      </html>
    HTML
  end
end
