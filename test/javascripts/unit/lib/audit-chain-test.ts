import { module, test } from "qunit";
import {
  canonicalJson,
  type ChainEntry,
  type JsonValue,
  verifyChain,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/audit-chain";
import vectors from "../../../fixtures/online-clinic/audit-chain-vectors.json";
import {
  auditLogFixture,
  tamperedAuditLogFixture,
} from "../../helpers/online-clinic-fixtures";

interface Vectors {
  canonical: { input: JsonValue; output: string }[];
  chains: {
    name: string;
    entries: ChainEntry[];
    valid: boolean;
    broken_at_seq: number | null;
  }[];
}

const shared = vectors as unknown as Vectors;

module("Unit | Lib | online-clinic | audit-chain", function () {
  test("writes canonical JSON exactly as the Ruby side does, for every shared vector", function (assert) {
    assert.true(shared.canonical.length > 0, "the shared vectors are present");
    for (const vector of shared.canonical) {
      assert.strictEqual(
        canonicalJson(vector.input),
        vector.output,
        vector.output
      );
    }
  });

  test("agrees with the Ruby side on every shared chain", async function (assert) {
    assert.true(shared.chains.length > 0, "the shared chains are present");
    for (const chain of shared.chains) {
      const verdict = await verifyChain(chain.entries);
      assert.deepEqual(
        verdict,
        { valid: chain.valid, brokenAtSeq: chain.broken_at_seq },
        chain.name
      );
    }
  });

  test("accepts the audit-log fixture and finds the altered entry in the tampered one", async function (assert) {
    assert.deepEqual(await verifyChain(auditLogFixture().entries), {
      valid: true,
      brokenAtSeq: null,
    });
    assert.deepEqual(await verifyChain(tamperedAuditLogFixture().entries), {
      valid: false,
      brokenAtSeq: 4,
    });
  });

  test("notices a removed entry and an actor swapped for someone else", async function (assert) {
    const entries = auditLogFixture().entries;
    const withoutSecond = entries.filter((entry) => entry.seq !== 2);
    assert.deepEqual(await verifyChain(withoutSecond), {
      valid: false,
      brokenAtSeq: 3,
    });

    const otherActor = entries.map((entry) =>
      entry.seq === 5 && entry.actor
        ? { ...entry, actor: { ...entry.actor, id: 10 } }
        : entry
    );
    assert.deepEqual(await verifyChain(otherActor), {
      valid: false,
      brokenAtSeq: 5,
    });
  });
});
