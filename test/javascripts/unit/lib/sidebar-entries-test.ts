import { module, test } from "qunit";
import { sidebarSections } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/sidebar-entries";

module("Unit | Lib | online-clinic | sidebar-entries", function () {
  test("gives a client a 'My clinic' section with their clinic", function (assert) {
    const sections = sidebarSections([
      {
        id: 8,
        name: "הקליניקה שלנו",
        url: "/c/clinic-b81c0d55/32",
        role: "client",
      },
    ]);
    assert.strictEqual(sections.length, 1);
    assert.strictEqual(
      sections[0]?.titleKey,
      "online_clinic.sidebar.my_clinic"
    );
    assert.deepEqual(sections[0]?.links, [
      {
        name: "online-clinic-8",
        text: "הקליניקה שלנו",
        href: "/c/clinic-b81c0d55/32",
      },
    ]);
  });

  test("gives a therapist a 'Clinics' section leading to the dashboard", function (assert) {
    const sections = sidebarSections([
      {
        id: 7,
        name: "Jenny's clinic",
        url: "/c/clinic-4f9e2a7b/31",
        role: "therapist",
      },
    ]);
    assert.deepEqual(
      sections.map((s) => [s.titleKey, s.dashboardLink, s.links.length]),
      [["online_clinic.sidebar.clinics", true, 0]]
    );
  });

  test("shows nothing to someone with no clinic", function (assert) {
    assert.deepEqual(sidebarSections(undefined), []);
    assert.deepEqual(sidebarSections([]), []);
  });
});
