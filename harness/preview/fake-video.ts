// The preview's stand-in for the video endpoints (docs/contract.md, "Video"). No Jitsi server
// is reachable from the preview, so the dock must show its fault message and a retry — never
// a blank box; the token is a placeholder, not a signed JWT.
import type { FakeClinicServer } from "./fake-server";
import { bodyOf, json } from "./fake-server";

const UNREACHABLE_DOMAIN = "jitsi.preview.invalid";

export function serveVideo(server: FakeClinicServer): void {
  server.pretender.get("/online-clinic/clinics/:id/video.json", (request) => {
    const found = server.member(request.params.id);
    if (Array.isArray(found)) {
      return found;
    }
    return json(200, {
      provider: "self_hosted",
      domain: UNREACHABLE_DOMAIN,
      script_url: `https://${UNREACHABLE_DOMAIN}/external_api.js`,
      room: `preview${"0".repeat(25)}${found.clinic.id}`,
      jwt: "preview-token-not-signed",
      expires_at: new Date(Date.now() + 65 * 60000).toISOString(),
      server_now_ms: Date.now(),
    });
  });

  server.pretender.post(
    "/online-clinic/clinics/:id/video/events.json",
    (request) => {
      const found = server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const event = bodyOf(request.requestBody).event;
      if (event !== "joined" && event !== "left") {
        return server.error(400, "invalid_video_event");
      }
      server.changed(found.clinic, { type: "video_changed" });
      return json(200, { success: "OK" });
    }
  );
}
