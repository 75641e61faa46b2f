import { module, test } from "qunit";
import {
  checkScreenUrl,
  type ScreenUrlRejection,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-url-policy";
import vectors from "../../../fixtures/online-clinic/url-policy-vectors.json";

interface Vectors {
  accepted: { input: string; normalized: string }[];
  rejected: { input: unknown; reason: ScreenUrlRejection }[];
}

const shared = vectors as Vectors;

module("Unit | Lib | online-clinic | screen-url-policy", function () {
  test("accepts and normalises every shared vector exactly as the server does", function (assert) {
    assert.true(shared.accepted.length > 20, "the shared vectors are present");
    for (const vector of shared.accepted) {
      assert.deepEqual(
        checkScreenUrl(vector.input),
        { accepted: true, url: vector.normalized },
        vector.input.slice(0, 80)
      );
    }
  });

  test("refuses every shared vector with the server's reason", function (assert) {
    assert.true(shared.rejected.length > 20, "the shared vectors are present");
    for (const vector of shared.rejected) {
      assert.deepEqual(
        checkScreenUrl(vector.input),
        { accepted: false, reason: vector.reason },
        JSON.stringify(vector.input).slice(0, 80)
      );
    }
  });

  test("a javascript: address is refused with a reason the leader can be shown", function (assert) {
    assert.deepEqual(checkScreenUrl(" JavaScript:alert(document.cookie)"), {
      accepted: false,
      reason: "scheme_not_allowed",
    });
  });

  test("what it accepts, the browser loads exactly as approved", function (assert) {
    for (const vector of shared.accepted) {
      assert.strictEqual(new URL(vector.normalized).href, vector.normalized);
    }
  });

  test("refuses half a surrogate pair, which has no form in a web address", function (assert) {
    assert.deepEqual(checkScreenUrl("https://example.com/\ud800x"), {
      accepted: false,
      reason: "malformed",
    });
  });
});
