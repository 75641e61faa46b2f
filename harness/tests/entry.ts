// Entry of the standalone QUnit run: every `*-test.{ts,gts}` under test/javascripts, in real
// ember-source, with the doubles of Discourse's modules.
import { setApplication } from "@ember/test-helpers";
import "./qunit-config";
import "qunit/qunit/qunit.css";
import { setupEmberOnerrorValidation, start } from "ember-qunit";
import QUnit from "qunit";
import { setup } from "qunit-dom";
import {
  resetPretender,
  unexpectedRequests,
} from "../doubles/discourse/tests/helpers/create-pretender";
import { missingKeys } from "../doubles/discourse-i18n";
import { createHarnessApplication } from "../test-app";
import { reportToRunner } from "./report";

setup(QUnit.assert);
setApplication(createHarnessApplication("#ember-testing"));
setupEmberOnerrorValidation();

QUnit.testStart(() => {
  resetPretender();
  missingKeys.length = 0;
});

// A request no handler answered, or a missing translation, fails the test that caused it.
QUnit.hooks.afterEach(function (assert) {
  if (unexpectedRequests.length > 0) {
    assert.pushResult({
      result: false,
      actual: unexpectedRequests,
      expected: [],
      message: `requests no test handler answered: ${unexpectedRequests.join(", ")}`,
    });
  }
  if (missingKeys.length > 0) {
    assert.pushResult({
      result: false,
      actual: missingKeys,
      expected: [],
      message: `translation keys missing from config/locales: ${missingKeys.join(", ")}`,
    });
  }
});

reportToRunner();
import.meta.glob(
  [
    "../../test/javascripts/**/*-test.{ts,gts}",
    "../self-test/**/*-test.{ts,gts}",
  ],
  {
    eager: true,
  }
);
start({ setupTestIsolationValidation: true });
