// Fails the type-check when a UI-side double drifts from the declaration in @discourse/types
// (or, for FormKit, whose declaration has no arguments, from the typed view the plugin uses
// in assets/javascripts/discourse/lib/form-kit.ts).
import type { ComponentLike } from "@glint/template";
import type * as RealApi from "discourse/lib/api";
import type * as RealGetUrl from "discourse/lib/get-url";
import type * as RealLoadScript from "discourse/lib/load-script";
import type RealDiscourseURL from "discourse/lib/url";
import type RealDiscourseRoute from "discourse/routes/discourse";
import type RealDButton from "discourse/ui-kit/d-button";
import type { FormKitSignature } from "discourse/plugins/discourse-online-clinic/discourse/lib/form-kit";
import FormDouble from "../doubles/discourse/components/form";
import * as Api from "../doubles/discourse/lib/api";
import * as GetUrl from "../doubles/discourse/lib/get-url";
import * as LoadScript from "../doubles/discourse/lib/load-script";
import DiscourseURLDouble from "../doubles/discourse/lib/url";
import DiscourseRouteDouble from "../doubles/discourse/routes/discourse";
import DButtonDouble from "../doubles/discourse/ui-kit/d-button";
import DModalDouble, {
  type DModalSignature,
} from "../doubles/discourse/ui-kit/d-modal";

export const dButtonConforms: typeof RealDButton = DButtonDouble;
export const dModalConforms: ComponentLike<DModalSignature> = DModalDouble;
export const formConforms: ComponentLike<
  FormKitSignature<Record<string, unknown>>
> = FormDouble;
export const apiInitializerConforms: typeof RealApi.apiInitializer =
  Api.apiInitializer;
export const getUrlConforms: Pick<
  typeof RealGetUrl,
  | "default"
  | "getURLWithCDN"
  | "getAbsoluteURL"
  | "isAbsoluteURL"
  | "withoutPrefix"
  | "samePrefix"
> = GetUrl;
export const discourseUrlConforms: Pick<
  typeof RealDiscourseURL,
  "routeTo" | "routeToUrl" | "replaceState"
> = DiscourseURLDouble;
export const discourseRouteConforms: typeof RealDiscourseRoute =
  DiscourseRouteDouble;
export const loadScriptConforms: Pick<
  typeof RealLoadScript,
  "default" | "loadCSS"
> = LoadScript;
