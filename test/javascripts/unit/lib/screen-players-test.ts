import { module, test } from "qunit";
import {
  applyCorrection,
  type MediaElementLike,
  MediaElementPlayer,
  YouTubeScreenPlayer,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-players";
import type { VideoCorrection } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/video-drift";
import {
  type YouTubePlayer,
  YT_STATE,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/youtube-api";

class FakeMedia implements MediaElementLike {
  currentTime = 0;
  paused = true;
  ended = false;
  seeking = false;
  playbackRate = 1;
  refuse: string | null = null;

  play(): Promise<void> {
    if (this.refuse) {
      return Promise.reject(new DOMException("refused", this.refuse));
    }
    this.paused = false;
    return Promise.resolve();
  }

  pause(): void {
    this.paused = true;
  }
}

class FakeYouTube implements YouTubePlayer {
  state: number = YT_STATE.cued;
  time = 0;
  rate = 1;
  calls: string[] = [];

  playVideo() {
    this.calls.push("play");
    this.state = YT_STATE.playing;
  }

  pauseVideo() {
    this.calls.push("pause");
    this.state = YT_STATE.paused;
  }

  seekTo(seconds: number, allowSeekAhead: boolean) {
    this.calls.push(`seek ${seconds} ${allowSeekAhead}`);
    this.time = seconds;
  }

  getCurrentTime() {
    return this.time;
  }

  getPlayerState() {
    return this.state;
  }

  getPlaybackRate() {
    return this.rate;
  }

  setPlaybackRate(rate: number) {
    this.calls.push(`rate ${rate}`);
    this.rate = rate;
  }

  destroy() {}
}

function correction(extra: Partial<VideoCorrection>): VideoCorrection {
  return {
    kind: "none",
    playing: true,
    playbackRate: 1,
    seekTo: null,
    drift: 0,
    ...extra,
  };
}

module("Unit | Lib | online-clinic | screen-players", function () {
  test("a <video> is read and steered through the drift controller's shape", async function (assert) {
    const media = new FakeMedia();
    media.currentTime = 12.5;
    const player = new MediaElementPlayer(media);
    assert.deepEqual(player.read(), {
      position: 12.5,
      playing: false,
      seeking: false,
    });
    assert.true(player.canNudgeRate, "a <video> takes any rate");

    const outcome = await applyCorrection(
      player,
      correction({ kind: "nudge", playbackRate: 0.95, seekTo: 20 })
    );

    assert.strictEqual(outcome, "playing");
    assert.strictEqual(media.currentTime, 20, "sought");
    assert.strictEqual(media.playbackRate, 0.95, "nudged");
    assert.false(media.paused, "started");
  });

  test("a refused play() (autoplay) is reported as blocked, other failures are not", async function (assert) {
    const media = new FakeMedia();
    media.refuse = "NotAllowedError";
    assert.strictEqual(await new MediaElementPlayer(media).play(), "blocked");
    media.refuse = "AbortError";
    assert.strictEqual(
      await new MediaElementPlayer(media).play(),
      "playing",
      "an aborted load is retried by the next correction, not shown as a refusal"
    );
  });

  test("the leader pausing pauses the follower; an ended video reads as not playing", async function (assert) {
    const media = new FakeMedia();
    media.paused = false;
    const player = new MediaElementPlayer(media);
    await applyCorrection(player, correction({ playing: false }));
    assert.true(media.paused);

    media.paused = false;
    media.ended = true;
    assert.false(player.read().playing);
  });

  test("YouTube: buffering counts as playing and seeking; rates are not nudged", async function (assert) {
    const yt = new FakeYouTube();
    const player = new YouTubeScreenPlayer(yt);
    assert.false(player.canNudgeRate);
    yt.state = YT_STATE.buffering;
    yt.time = 3;
    assert.deepEqual(player.read(), {
      position: 3,
      playing: true,
      seeking: true,
    });

    yt.state = YT_STATE.paused;
    await applyCorrection(player, correction({ kind: "seek", seekTo: 40 }));
    assert.deepEqual(yt.calls, ["seek 40 true", "play"]);

    yt.calls = [];
    await applyCorrection(player, correction({ playbackRate: 1.5 }));
    assert.deepEqual(yt.calls, ["rate 1.5"], "the leader's own rate is taken");
  });

  test("YouTube: the API's autoplay-blocked event makes the next play report blocked", async function (assert) {
    const yt = new FakeYouTube();
    const player = new YouTubeScreenPlayer(yt);
    yt.playVideo = () => player.autoplayBlocked();
    assert.strictEqual(await player.play(), "blocked");
  });
});
