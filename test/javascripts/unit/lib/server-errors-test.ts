import { module, test } from "qunit";
import { serverErrorMessages } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/server-errors";

module("Unit | Lib | online-clinic | server-errors", function () {
  test("reads the translated messages of a 4xx answer", function (assert) {
    const rejection = {
      jqXHR: {
        status: 422,
        responseJSON: {
          errors: ["No user named “nobody”."],
          error_type: "invalid",
        },
      },
      textStatus: "error",
    };
    assert.deepEqual(serverErrorMessages(rejection), [
      "No user named “nobody”.",
    ]);
  });

  test("gives nothing when the failure carries no message", function (assert) {
    assert.deepEqual(
      serverErrorMessages({ jqXHR: { status: 500, responseText: "oops" } }),
      []
    );
    assert.deepEqual(serverErrorMessages(new Error("network")), []);
    assert.deepEqual(
      serverErrorMessages({ jqXHR: { responseJSON: { errors: [" ", 3] } } }),
      []
    );
  });
});
