import { module, test } from "qunit";
import {
  estimateClockOffset,
  followedState,
  type FollowerState,
  INITIAL_FOLLOWER,
  mayTakeLead,
  reduceFollower,
  screenRole,
  type ServerScreenState,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-sync";

const T = 1_796_400_000_000;

function state(
  seq: number,
  overrides: Partial<ServerScreenState> = {}
): ServerScreenState {
  return {
    seq,
    server_time_ms: T + seq * 1000,
    leader_id: 2,
    lead_expires_at_ms: T + seq * 1000 + 30_000,
    locked: false,
    item: { kind: "page", url: `https://example.com/${seq}` },
    reading: { position: seq / 100, page: null },
    video: null,
    ...overrides,
  };
}

function receive(
  follower: FollowerState,
  ...states: ServerScreenState[]
): FollowerState {
  return states.reduce(
    (current, next) =>
      reduceFollower(current, { type: "server_state", state: next }),
    follower
  );
}

module("Unit | Lib | online-clinic | screen-sync", function () {
  test("a follower shows the newest state even when messages arrive out of order", function (assert) {
    const follower = receive(INITIAL_FOLLOWER, state(1), state(3), state(2));
    assert.strictEqual(followedState(follower)?.seq, 3);
    assert.strictEqual(followedState(follower)?.item?.kind, "page");
  });

  test("a stale or repeated update never moves the follower back", function (assert) {
    const atThree = receive(INITIAL_FOLLOWER, state(3));
    assert.strictEqual(
      receive(atThree, state(2)),
      atThree,
      "stale: nothing changes"
    );
    assert.strictEqual(
      receive(atThree, state(3, { reading: { position: 0, page: 1 } })),
      atThree,
      "duplicate: nothing changes"
    );
  });

  test("a member joining late starts from the stored state and ignores the older backlog", function (assert) {
    const joined = receive(INITIAL_FOLLOWER, state(40));
    const afterBacklog = receive(joined, state(38), state(39), state(41));
    assert.strictEqual(followedState(afterBacklog)?.seq, 41);
  });

  test("follows again after the server lost its count and started over", function (assert) {
    const before = receive(INITIAL_FOLLOWER, state(40));
    const restarted = state(1, { server_time_ms: T + 100_000 });
    assert.strictEqual(followedState(receive(before, restarted))?.seq, 1);
  });

  test("stepping out keeps the leader's news for stepping back in", function (assert) {
    let follower = receive(INITIAL_FOLLOWER, state(1));
    follower = reduceFollower(follower, { type: "step_out" });
    assert.strictEqual(
      followedState(follower),
      null,
      "browsing alone shows nothing of the leader"
    );
    assert.strictEqual(screenRole(follower, 5, T), "browsing_alone");

    follower = receive(follower, state(2));
    follower = reduceFollower(follower, { type: "step_in" });
    assert.strictEqual(
      followedState(follower)?.seq,
      2,
      "back in: at the leader's latest"
    );
    assert.strictEqual(screenRole(follower, 5, T), "following");
  });

  test("knows who leads, and that a silent leader's lead has lapsed", function (assert) {
    const follower = receive(INITIAL_FOLLOWER, state(1));
    assert.strictEqual(screenRole(follower, 2, T + 1000), "leading");
    assert.strictEqual(screenRole(follower, 5, T + 1000), "following");
    assert.strictEqual(screenRole(follower, 5, T + 31_000), "idle");
  });

  test("only a therapist may take a locked lead", function (assert) {
    const locked = state(1, { locked: true });
    assert.false(mayTakeLead(locked, false));
    assert.true(mayTakeLead(locked, true));
    assert.true(mayTakeLead(state(1), false));
  });

  test("estimates the server clock from the quickest round trip", function (assert) {
    const offset = estimateClockOffset([
      { sentAtMs: 1000, serverTimeMs: 5400, receivedAtMs: 1800 },
      { sentAtMs: 2000, serverTimeMs: 6050, receivedAtMs: 2100 },
    ]);
    assert.strictEqual(offset, 4000);
    assert.strictEqual(estimateClockOffset([]), null);
  });
});
