import { module, test } from "qunit";
import {
  buildNewClinicBody,
  emptyNewClinicForm,
  newMemberBody,
  newRequestId,
  splitList,
  splitUsernames,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-form";

module("Unit | Lib | online-clinic | clinic-form", function () {
  test("splits usernames on commas, spaces and semicolons, drops @ and duplicates", function (assert) {
    assert.deepEqual(
      splitUsernames(" @noa_levi, amir_levi;  Noa_Levi\njenny_m ,, "),
      ["noa_levi", "amir_levi", "jenny_m"]
    );
    assert.deepEqual(splitUsernames(null), []);
    assert.deepEqual(splitUsernames("@"), []);
  });

  test("splits emails and keeps their spelling", function (assert) {
    assert.deepEqual(splitList("Mother.Of.Noa@example.com; dan@example.org"), [
      "Mother.Of.Noa@example.com",
      "dan@example.org",
    ]);
  });

  test("builds the POST body with a trimmed name and the form's request id", function (assert) {
    const data = {
      ...emptyNewClinicForm(),
      name: "  Noa & Amir  ",
      kind: "couple" as const,
      usernames: "noa_levi, amir_levi",
      emails: null,
    };
    assert.deepEqual(buildNewClinicBody(data, "req-1"), {
      name: "Noa & Amir",
      kind: "couple",
      usernames: ["noa_levi", "amir_levi"],
      emails: [],
      request_id: "req-1",
    });
    assert.strictEqual(
      buildNewClinicBody(data, "req-1", 77).source_topic_id,
      77
    );
  });

  test("treats an emptied name as an empty name, for the server to refuse", function (assert) {
    const body = buildNewClinicBody(
      { ...emptyNewClinicForm(), name: null },
      "r"
    );
    assert.strictEqual(body.name, "");
  });

  test("pre-fills the form from an enquiry", function (assert) {
    assert.deepEqual(emptyNewClinicForm({ usernames: "jenny_m" }), {
      name: "",
      kind: "individual",
      usernames: "jenny_m",
      emails: "",
    });
  });

  test("makes a different request id for each form", function (assert) {
    const first = newRequestId();
    assert.true(first.length >= 32);
    assert.notStrictEqual(first, newRequestId());
  });

  test("reads the add-client box as an email or a username", function (assert) {
    assert.deepEqual(newMemberBody(" dan@example.org "), {
      email: "dan@example.org",
    });
    assert.deepEqual(newMemberBody("@amir_levi"), { username: "amir_levi" });
    assert.strictEqual(newMemberBody("   "), null);
    assert.strictEqual(newMemberBody("@"), null);
  });
});
