import { module, test } from "qunit";
import type { TimelineEntry } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/record-types";
import {
  type EntryTextContext,
  timelineEntryText,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/timeline-entry-text";
import { timelineEntries } from "../../helpers/record-fixtures";

// Shows the key and its parameters, so each test sees exactly what would be translated.
const context: EntryTextContext = {
  t: (key, params = {}) =>
    `${key.replace(/^online_clinic\./, "")} ${JSON.stringify(params)}`,
  time: (iso) => `time(${iso})`,
  list: (names) => names.join(" & "),
};

function textOf(key: string): string {
  const entry = timelineEntries().find((e) => e.key === key) as TimelineEntry;
  return timelineEntryText(entry, context);
}

module("Unit | Lib | online-clinic | timeline-entry-text", function () {
  test("audit-backed entries say what the audit log says", function (assert) {
    assert.strictEqual(
      textOf("membership-2"),
      'audit_log.actions.client_added {"actor":"Dror Cohen","username":"noa"}'
    );
    assert.strictEqual(
      textOf("record-6"),
      'record.entries.session_sealed {"number":"1","items":"4"}'
    );
    assert.strictEqual(
      textOf("record-7"),
      'record.entries.clinic_exported {"actor":"נועה לוי"}'
    );
  });

  test("a deleted post names who deleted it and when, and nothing of its text", function (assert) {
    assert.strictEqual(
      textOf("post-102"),
      'record.entries.post_deleted {"who":"נועה לוי","date":"time(2026-12-01T18:25:00.000Z)"}'
    );
  });

  test("a deleted topic keeps its title and says who deleted it and when", function (assert) {
    const topic = timelineEntries().find((e) => e.key === "topic-10")!;
    if (topic.kind === "topic") {
      topic.data.deleted = { by: null, at: "2026-12-02T09:00:00.000Z" };
    }
    assert.strictEqual(
      timelineEntryText(topic, context),
      'record.entries.topic_deleted {"title":"What I drew","who":"record.entries.system {}","date":"time(2026-12-02T09:00:00.000Z)"}'
    );
  });

  test("sessions, video calls, the screen and folders", function (assert) {
    assert.true(textOf("session-3").startsWith("record.entries.session_ended"));
    assert.true(textOf("session-3").includes('"minutes":50'));
    assert.strictEqual(
      textOf("video_call-5"),
      'record.entries.video_call {"names":"Dror Cohen & נועה לוי","minutes":49}'
    );
    assert.true(textOf("screen-4").startsWith("record.entries.screen.youtube"));
    assert.true(textOf("folder_item-11").includes('"folder":"Poems"'));
  });

  test("a call still running and an unknown record action", function (assert) {
    const call = timelineEntries().find((e) => e.key === "video_call-5")!;
    if (call.kind === "video_call") {
      call.data.ended_at = null;
      call.data.duration_seconds = null;
    }
    assert.true(
      timelineEntryText(call, context).startsWith(
        "record.entries.video_call_running"
      )
    );

    const record = timelineEntries().find((e) => e.key === "record-7")!;
    if (record.kind === "record") {
      record.data.action = "something_new";
    }
    assert.true(
      timelineEntryText(record, context).startsWith("audit_log.actions.unknown")
    );
  });
});
