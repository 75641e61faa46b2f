// Double of `discourse/lib/ajax-error`, following Discourse's extractErrorInfo: the server's
// translated `errors` array becomes the message the user reads.
import { i18n } from "discourse-i18n";
import { currentOwner } from "../../../owner";

export const TOO_MANY_REQUESTS = 429 as const;
export const MAX_RATE_LIMIT_RETRY_SECONDS = 60 as const;

type ParsedJSON = {
  errors?: string[];
  error?: string;
  message?: string;
  html_message?: boolean;
};

export function extractErrorInfo(
  error: any,
  defaultMessage: any,
  _opts: { skipConsoleError: boolean } = { skipConsoleError: false }
): { html: boolean; message: any; errorKey: any; status: any } {
  const xhr = error?.jqXHR ?? error ?? {};
  let parsed: ParsedJSON | undefined = xhr.responseJSON;
  if (!parsed && typeof xhr.responseText === "string") {
    try {
      parsed = JSON.parse(xhr.responseText) as ParsedJSON;
    } catch {
      parsed = undefined;
    }
  }
  let message: string | undefined;
  if (parsed?.errors && parsed.errors.length > 1) {
    message = i18n("multiple_errors", {
      errors: parsed.errors.map((e, i) => `${i + 1}) ${e}`).join(" "),
    });
  } else if (parsed?.errors && parsed.errors.length > 0) {
    message = i18n("generic_error_with_reason", { error: parsed.errors[0] });
  } else if (parsed?.error) {
    message = parsed.error;
  } else if (parsed?.message) {
    message = parsed.message;
  }
  if (!message && xhr.status >= 400) {
    message = `${xhr.status} ${xhr.statusText}`;
  }
  return {
    html: Boolean(parsed?.html_message),
    message: message ?? defaultMessage ?? i18n("generic_error"),
    errorKey: undefined,
    status: xhr.status,
  };
}

export function extractError(error: any, defaultMessage: any): any {
  return extractErrorInfo(error, defaultMessage).message;
}

export function isReadOnlyError(_error: any): boolean {
  return false;
}

export function isRateLimitError(error: any): boolean {
  return (error?.jqXHR ?? error)?.status === TOO_MANY_REQUESTS;
}

export function rateLimitWaitSeconds(_error: any): any {
  return undefined;
}

export function throwAjaxError(
  undoCallback: any,
  defaultMessage: any
): (error: any) => never {
  return (error: any) => {
    undoCallback?.(error);
    throw extractError(error, defaultMessage);
  };
}

export function flashAjaxError(
  modal: any,
  defaultMessage: any
): (error: any) => void {
  return (error: any) =>
    modal.flash(extractError(error, defaultMessage), "error");
}

export function popupAjaxError(error: any): void {
  const dialog = currentOwner()?.lookup("service:dialog") as
    | { alert(message: string): void }
    | undefined;
  dialog?.alert(extractErrorInfo(error, undefined).message);
}
