import { module, test } from "qunit";
import type { LeaderVideo } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-sync";
import {
  expectedPosition,
  leaderNeedsRepublish,
  MAX_NUDGE,
  SEEK_COOLDOWN_MS,
  VideoDriftController,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/video-drift";

const T = 1_796_400_000_000;
const playing: LeaderVideo = {
  playing: true,
  position: 100,
  rate: 1,
  at_ms: T,
};

function reading(position: number, isPlaying = true) {
  return { position, playing: isPlaying, seeking: false };
}

module("Unit | Lib | online-clinic | video-drift", function () {
  test("a follower who joins mid-video starts at the leader's position", function (assert) {
    const controller = new VideoDriftController();
    const correction = controller.decide(
      playing,
      T + 60_000,
      reading(0, false),
      0
    );
    assert.strictEqual(correction.kind, "seek");
    assert.true(correction.playing, "and plays");
    const target = correction.seekTo ?? 0;
    assert.true(target >= 160, `not behind the leader's 160 s (${target})`);
    assert.true(
      target < 160.5,
      "only just ahead, to cover the seek's own time"
    );
  });

  test("a follower in step is left alone", function (assert) {
    const correction = new VideoDriftController().decide(
      playing,
      T + 1000,
      reading(101.02),
      0
    );
    assert.deepEqual(
      [correction.kind, correction.playbackRate, correction.seekTo],
      ["none", 1, null]
    );
  });

  test("a small lag is made up by playing slightly faster, never by a jump", function (assert) {
    const behind = new VideoDriftController().decide(
      playing,
      T + 1000,
      reading(100.8),
      0
    );
    assert.strictEqual(behind.kind, "nudge");
    assert.strictEqual(behind.seekTo, null);
    assert.true(behind.playbackRate > 1, "faster");
    assert.true(
      behind.playbackRate <= 1 + MAX_NUDGE,
      "by at most the nudge limit"
    );

    const ahead = new VideoDriftController().decide(
      playing,
      T + 1000,
      reading(101.2),
      0
    );
    assert.true(ahead.playbackRate < 1, "ahead: a little slower");
  });

  test("nudges around the leader's own rate", function (assert) {
    const fast = { ...playing, rate: 1.5 };
    const correction = new VideoDriftController().decide(
      fast,
      T + 1000,
      reading(101.3),
      0
    );
    assert.true(correction.playbackRate > 1.5);
  });

  test("a large drift is fixed with one seek, not a seek on every tick", function (assert) {
    const controller = new VideoDriftController();
    assert.strictEqual(
      controller.decide(playing, T + 1000, reading(95), 0).kind,
      "seek"
    );
    const soon = controller.decide(playing, T + 1500, reading(95), 500);
    assert.strictEqual(soon.kind, "none", "waits while the seek settles");
    const later = controller.decide(
      playing,
      T + 3000,
      reading(95),
      SEEK_COOLDOWN_MS + 1
    );
    assert.strictEqual(later.kind, "seek", "tries again once it has settled");
  });

  test("players without free rates (YouTube) seek at a smaller drift instead", function (assert) {
    const controller = new VideoDriftController({ canNudgeRate: false });
    assert.strictEqual(
      controller.decide(playing, T + 1000, reading(100.85), 0).kind,
      "none"
    );
    assert.strictEqual(
      controller.decide(playing, T + 1000, reading(100.6), 0).kind,
      "seek"
    );
  });

  test("when the leader pauses, the follower pauses on the same frame", function (assert) {
    const paused = { ...playing, playing: false };
    const correction = new VideoDriftController().decide(
      paused,
      T + 5000,
      reading(100.4),
      0
    );
    assert.false(correction.playing);
    assert.strictEqual(correction.seekTo, 100);
  });

  test("the leader republishes when its own player stalled", function (assert) {
    assert.false(leaderNeedsRepublish(playing, T + 2000, reading(102.05)));
    assert.true(leaderNeedsRepublish(playing, T + 2000, reading(101.5)));
    assert.true(leaderNeedsRepublish(playing, T + 2000, reading(102, false)));
  });

  test("extrapolates the leader's position from the server's clock", function (assert) {
    assert.strictEqual(
      expectedPosition({ ...playing, rate: 2 }, T + 1500),
      103
    );
    assert.strictEqual(
      expectedPosition({ ...playing, playing: false }, T + 1500),
      100
    );
  });
});
