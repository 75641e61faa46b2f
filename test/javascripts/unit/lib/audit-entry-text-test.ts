import { module, test } from "qunit";
import { auditEntryText } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/audit-entry-text";

const therapist = {
  id: 10,
  username: "dr_green",
  name: "Dror Green",
  avatar_template: "",
};

module("Unit | Lib | online-clinic | audit-entry-text", function () {
  test("names the actor and the details the sentence needs", function (assert) {
    assert.deepEqual(
      auditEntryText(
        {
          action: "clinic_renamed",
          actor: therapist,
          details: { from: "Noa & Amir", to: "<b>ours</b>" },
        },
        "System"
      ),
      {
        key: "online_clinic.audit_log.actions.clinic_renamed",
        params: { actor: "Dror Green", from: "Noa & Amir", to: "<b>ours</b>" },
      }
    );
  });

  test("uses the system's name when no one acted, and the username when there is no name", function (assert) {
    assert.strictEqual(
      auditEntryText(
        { action: "clinic_archived", actor: null, details: {} },
        "System"
      ).params.actor,
      "System"
    );
    assert.strictEqual(
      auditEntryText(
        {
          action: "clinic_reopened",
          actor: { ...therapist, name: "" },
          details: {},
        },
        "System"
      ).params.actor,
      "dr_green"
    );
  });

  test("says which session began and ended, the system ending an unattended one", function (assert) {
    assert.deepEqual(
      auditEntryText(
        {
          action: "session_started",
          actor: therapist,
          details: { number: 12, mode: "video" },
        },
        "System"
      ),
      {
        key: "online_clinic.audit_log.actions.session_started",
        params: { actor: "Dror Green", number: "12" },
      }
    );
    assert.deepEqual(
      auditEntryText(
        {
          action: "session_ended",
          actor: null,
          details: { number: 12, ended_reason: "auto_ended_unattended" },
        },
        "System"
      ).params,
      { actor: "System", number: "12" }
    );
  });

  test("says when a session was sealed and who exported the record", function (assert) {
    assert.deepEqual(
      auditEntryText(
        {
          action: "session_sealed",
          actor: null,
          details: { session_id: 3, number: 12, digest: "ab", item_count: 7 },
        },
        "System"
      ),
      {
        key: "online_clinic.audit_log.actions.session_sealed",
        params: { actor: "System", number: "12", item_count: "7" },
      }
    );
    assert.deepEqual(
      auditEntryText(
        {
          action: "clinic_exported",
          actor: therapist,
          details: { export_id: 4 },
        },
        "System"
      ),
      {
        key: "online_clinic.audit_log.actions.clinic_exported",
        params: { actor: "Dror Green" },
      }
    );
  });

  test("falls back to a generic sentence for an action it does not know", function (assert) {
    const text = auditEntryText(
      // A type a later server version adds.
      {
        action: "folder_item_added" as "clinic_opened",
        actor: therapist,
        details: {},
      },
      "System"
    );
    assert.strictEqual(text.key, "online_clinic.audit_log.actions.unknown");
    assert.strictEqual(text.params.action, "folder_item_added");
  });
});
