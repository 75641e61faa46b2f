// Fails the type-check when a double drifts from the declaration Discourse publishes in
// @discourse/types: each double's export must be assignable to the real one.
import type * as RealAjax from "discourse/lib/ajax";
import type * as RealAjaxError from "discourse/lib/ajax-error";
import type * as RealComponentTest from "discourse/tests/helpers/component-test";
import type * as RealPretender from "discourse/tests/helpers/create-pretender";
import type * as RealQUnitHelpers from "discourse/tests/helpers/qunit-helpers";
import type * as RealI18n from "discourse-i18n";
import * as Ajax from "../doubles/discourse/lib/ajax";
import * as AjaxError from "../doubles/discourse/lib/ajax-error";
import * as ComponentTest from "../doubles/discourse/tests/helpers/component-test";
import * as Pretender from "../doubles/discourse/tests/helpers/create-pretender";
import * as QUnitHelpers from "../doubles/discourse/tests/helpers/qunit-helpers";
import * as I18n from "../doubles/discourse-i18n";

export const i18nConforms: typeof RealI18n.i18n = I18n.i18n;
export const i18nInstanceConforms: Pick<
  typeof RealI18n.default,
  "t" | "translate"
> = I18n.default;
export const ajaxConforms: typeof RealAjax.ajax = Ajax.ajax;
export const ajaxErrorConforms: Pick<
  typeof RealAjaxError,
  | "extractErrorInfo"
  | "extractError"
  | "popupAjaxError"
  | "throwAjaxError"
  | "flashAjaxError"
  | "isRateLimitError"
  | "TOO_MANY_REQUESTS"
> = AjaxError;
export const componentTestConforms: typeof RealComponentTest.setupRenderingTest =
  ComponentTest.setupRenderingTest;
export const pretenderConforms: Pick<
  typeof RealPretender,
  "default" | "response" | "parsePostData" | "success" | "OK" | "resetPretender"
> = Pretender;
export const qunitHelpersConforms: Pick<
  typeof RealQUnitHelpers,
  "publishToMessageBus"
> = QUnitHelpers;
