import { module, test } from "qunit";
import { canOfferClinic } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/open-forum";

const enquiry = { id: 301, category_id: 4, creatorUsername: "jenny_m" };
const therapist = { username: "dr_green", canOpenClinic: true };

module("Unit | Lib | online-clinic | open-forum", function () {
  test("offers a clinic to a therapist on someone's enquiry in the open forum", function (assert) {
    assert.true(canOfferClinic(enquiry, "4", therapist));
    assert.true(canOfferClinic(enquiry, 4, therapist));
  });

  test("offers nothing elsewhere, to non-therapists, or on the therapist's own topic", function (assert) {
    assert.false(
      canOfferClinic({ ...enquiry, category_id: 5 }, "4", therapist)
    );
    assert.false(
      canOfferClinic(enquiry, "", therapist),
      "no open forum configured"
    );
    assert.false(
      canOfferClinic(enquiry, "4", { ...therapist, canOpenClinic: false })
    );
    assert.false(canOfferClinic(enquiry, "4", null));
    assert.false(
      canOfferClinic(
        { ...enquiry, creatorUsername: "Dr_Green" },
        "4",
        therapist
      )
    );
  });
});
