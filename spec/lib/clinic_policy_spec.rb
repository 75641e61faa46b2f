# frozen_string_literal: true

RSpec.describe OnlineClinic::ClinicPolicy do
  therapist_id = 1
  client_id = 2
  co_client_id = 3

  # The clinic under test: one therapist, two clients (a couple).
  member_roles = { therapist_id => :therapist, client_id => :client, co_client_id => :client }

  actor = ->(**attrs) do
    described_class::Actor.new(admin: false, moderator: false, therapist: false, **attrs)
  end

  people = {
    "an anonymous visitor" => {
      user_id: nil,
    },
    "a logged-in user" => {
      user_id: 10,
    },
    "the clinic's client" => {
      user_id: client_id,
    },
    "the co-client" => {
      user_id: co_client_id,
    },
    "a client of another clinic" => {
      user_id: 11,
    },
    "the clinic's therapist" => {
      user_id: therapist_id,
      therapist: true,
    },
    "another therapist" => {
      user_id: 12,
      therapist: true,
    },
    "a moderator" => {
      user_id: 13,
      moderator: true,
    },
    "an admin under strict confidentiality" => {
      user_id: 14,
      admin: true,
      strict: true,
    },
    "an admin without strict confidentiality" => {
      user_id: 14,
      admin: true,
      strict: false,
    },
  }

  ok = :ok
  nf = :not_found
  np = :not_permitted
  ar = :archived

  # One row per person and clinic state; columns in ACTIONS order. :ok = allowed, otherwise the
  # denial reason.
  columns = %i[see post rename add_client remove_client archive reopen read_audit_log export]
  expected = {
    "an anonymous visitor" => {
      open: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
      archived: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
    },
    "a logged-in user" => {
      open: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
      archived: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
    },
    "the clinic's client" => {
      open: [ok, ok, ok, np, np, np, np, ok, ok],
      archived: [ok, ar, ar, np, np, np, np, ok, ok],
    },
    "the co-client" => {
      open: [ok, ok, ok, np, np, np, np, ok, ok],
      archived: [ok, ar, ar, np, np, np, np, ok, ok],
    },
    "a client of another clinic" => {
      open: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
      archived: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
    },
    "the clinic's therapist" => {
      open: [ok, ok, ok, ok, ok, ok, np, ok, ok],
      archived: [ok, ar, ar, ar, ar, ar, ok, ok, ok],
    },
    "another therapist" => {
      open: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
      archived: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
    },
    "a moderator" => {
      open: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
      archived: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
    },
    "an admin under strict confidentiality" => {
      open: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
      archived: [nf, nf, nf, nf, nf, nf, nf, nf, nf],
    },
    "an admin without strict confidentiality" => {
      open: [ok, np, np, np, np, np, np, ok, np],
      archived: [ok, np, np, np, np, np, np, ok, np],
    },
  }

  phrases = {
    see: "see",
    post: "post in",
    rename: "rename",
    add_client: "add a client to",
    remove_client: "remove a client from",
    archive: "archive",
    reopen: "reopen",
    read_audit_log: "read the audit log of",
    export: "export",
  }

  build_policy =
    lambda do |person, state|
      attrs = people.fetch(person).dup
      strict = attrs.key?(:strict) ? attrs.delete(:strict) : true
      described_class.new(
        actor: actor.call(**attrs),
        clinic:
          described_class::ClinicFacts.new(
            member_roles: member_roles,
            archived: state == :archived,
          ),
        strict_confidentiality: strict,
      )
    end

  it "has a matrix column for every action" do
    expect(columns).to eq(described_class::ACTIONS)
  end

  expected.each do |person, rows|
    describe "for #{person}" do
      rows.each do |state, outcomes|
        outcomes
          .zip(columns)
          .each do |outcome, action|
            deed = "#{phrases.fetch(action)} an #{state} clinic"

            if outcome == :ok
              it "lets them #{deed}" do
                policy = build_policy.call(person, state)
                expect(policy.can?(action)).to eq(true)
                expect(policy.denial(action)).to be_nil
              end
            else
              it "refuses to let them #{deed} (#{outcome})" do
                policy = build_policy.call(person, state)
                expect(policy.can?(action)).to eq(false)
                expect(policy.denial(action)).to eq(outcome)
              end
            end
          end

        it "reports permissions that agree with the matrix in an #{state} clinic" do
          allowed = columns.zip(outcomes).to_h { |action, outcome| [action, outcome == :ok] }
          expect(build_policy.call(person, state).permissions).to eq(
            can_rename: allowed[:rename],
            can_add_client: allowed[:add_client],
            can_remove_client: allowed[:remove_client],
            can_archive: allowed[:archive],
            can_reopen: allowed[:reopen],
            can_post: allowed[:post],
            can_read_audit_log: allowed[:read_audit_log],
          )
        end
      end
    end
  end

  describe "#role and #member?" do
    it "names the role the member list gives" do
      expect(build_policy.call("the clinic's therapist", :open).role).to eq(:therapist)
      expect(build_policy.call("the co-client", :open).role).to eq(:client)
    end

    it "gives strangers no role, even site staff" do
      %w[
        a\ moderator
        another\ therapist
        an\ admin\ without\ strict\ confidentiality
      ].each do |person|
        policy = build_policy.call(person, :open)
        expect(policy.role).to be_nil
        expect(policy.member?).to eq(false)
      end
    end

    it "forgets a removed client" do
      policy =
        described_class.new(
          actor: actor.call(user_id: client_id),
          clinic:
            described_class::ClinicFacts.new(
              member_roles: {
                therapist_id => :therapist,
              },
              archived: false,
            ),
          strict_confidentiality: true,
        )
      expect(policy.member?).to eq(false)
      expect(policy.denial(:see)).to eq(:not_found)
    end

    it "accepts roles stored as strings" do
      policy =
        described_class.new(
          actor: actor.call(user_id: client_id),
          clinic:
            described_class::ClinicFacts.new(
              member_roles: {
                client_id => "client",
              },
              archived: false,
            ),
          strict_confidentiality: true,
        )
      expect(policy.role).to eq(:client)
    end

    it "refuses an unknown role instead of guessing" do
      expect {
        described_class.new(
          actor: actor.call(user_id: client_id),
          clinic:
            described_class::ClinicFacts.new(
              member_roles: {
                client_id => :owner,
              },
              archived: false,
            ),
          strict_confidentiality: true,
        )
      }.to raise_error(ArgumentError, /unknown clinic role/)
    end

    it "keeps a therapist who left the therapists group in charge of their clinic" do
      policy =
        described_class.new(
          actor: actor.call(user_id: therapist_id, therapist: false),
          clinic: described_class::ClinicFacts.new(member_roles: member_roles, archived: false),
          strict_confidentiality: true,
        )
      expect(policy.can?(:archive)).to eq(true)
    end

    it "treats an admin who is a member as a member, whatever strict confidentiality says" do
      policy =
        described_class.new(
          actor: actor.call(user_id: therapist_id, therapist: true, admin: true),
          clinic: described_class::ClinicFacts.new(member_roles: member_roles, archived: false),
          strict_confidentiality: true,
        )
      expect(policy.can?(:add_client)).to eq(true)
      expect(policy.audited_access?).to eq(false)
    end
  end

  describe "#audited_access?" do
    it "is true only for an admin looking in without strict confidentiality" do
      audited = people.keys.select { |person| build_policy.call(person, :open).audited_access? }
      expect(audited).to eq(["an admin without strict confidentiality"])
    end

    it "stays true while the clinic is archived" do
      expect(
        build_policy.call("an admin without strict confidentiality", :archived).audited_access?,
      ).to eq(true)
    end

    it "treats a missing strict confidentiality setting as strict" do
      policy =
        described_class.new(
          actor: actor.call(user_id: 14, admin: true),
          clinic: described_class::ClinicFacts.new(member_roles: member_roles, archived: false),
          strict_confidentiality: nil,
        )
      expect(policy.denial(:see)).to eq(:not_found)
      expect(policy.audited_access?).to eq(false)
    end
  end

  describe "#can? and #denial" do
    it "raises on an unknown action rather than allowing or denying it" do
      policy = build_policy.call("the clinic's therapist", :open)
      expect { policy.can?(:delete) }.to raise_error(ArgumentError, /unknown clinic action/)
      expect { policy.denial("see") }.to raise_error(ArgumentError, /unknown clinic action/)
    end

    it "does not let a nil member list or archived flag open anything" do
      policy =
        described_class.new(
          actor: actor.call(user_id: client_id),
          clinic: described_class::ClinicFacts.new(member_roles: nil, archived: nil),
          strict_confidentiality: true,
        )
      expect(policy.denial(:see)).to eq(:not_found)
    end

    it "never makes an anonymous visitor a member, even if the list holds a nil id" do
      policy =
        described_class.new(
          actor: actor.call(user_id: nil),
          clinic:
            described_class::ClinicFacts.new(member_roles: { nil => :client }, archived: false),
          strict_confidentiality: true,
        )
      expect(policy.denial(:see)).to eq(:not_found)
    end
  end

  describe ".can_create_clinic?" do
    it "lets a logged-in member of the therapists group create a clinic" do
      expect(described_class.can_create_clinic?(actor.call(user_id: 12, therapist: true))).to eq(
        true,
      )
    end

    it "refuses everyone else, admins and moderators included" do
      others = [
        actor.call(user_id: nil),
        actor.call(user_id: nil, therapist: true),
        actor.call(user_id: 10),
        actor.call(user_id: 13, moderator: true),
        actor.call(user_id: 14, admin: true),
      ]
      expect(others.map { |other| described_class.can_create_clinic?(other) }).to all(eq(false))
    end
  end
end
