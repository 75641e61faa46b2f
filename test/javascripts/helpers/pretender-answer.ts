// Discourse's `response(code, obj)` is declared as returning any[]; Pretender's handler type
// wants its [status, headers, body] tuple, which is what `response` builds.
import type { ResponseData } from "pretender";
import { response } from "discourse/tests/helpers/create-pretender";

export function answer(code: number, body: object): ResponseData {
  return response(code, body) as ResponseData;
}
