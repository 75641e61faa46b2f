// The translated messages of a 4xx answer (`{ errors: [...] }`, docs/contract.md) out of the
// rejection `ajax` gives (`{ jqXHR, textStatus, errorThrown }`). Empty when the failure
// carried no message (network down, 500), so the caller shows its own generic text.
export function serverErrorMessages(error: unknown): string[] {
  if (typeof error !== "object" || error === null || !("jqXHR" in error)) {
    return [];
  }
  const jqXHR: unknown = error.jqXHR;
  if (
    typeof jqXHR !== "object" ||
    jqXHR === null ||
    !("responseJSON" in jqXHR)
  ) {
    return [];
  }
  const json: unknown = jqXHR.responseJSON;
  if (typeof json !== "object" || json === null || !("errors" in json)) {
    return [];
  }
  const errors: unknown = json.errors;
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors.filter(
    (e): e is string => typeof e === "string" && e.trim() !== ""
  );
}
