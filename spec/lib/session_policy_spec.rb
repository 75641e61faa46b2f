# frozen_string_literal: true

RSpec.describe OnlineClinic::SessionPolicy do
  therapist_id = 1
  client_id = 2
  member_roles = { therapist_id => :therapist, client_id => :client }

  def policy_for(user_id, member_roles, archived: false, admin: false, strict: true)
    clinic_policy =
      OnlineClinic::ClinicPolicy.new(
        actor:
          OnlineClinic::ClinicPolicy::Actor.new(
            user_id: user_id,
            admin: admin,
            moderator: false,
            therapist: false,
          ),
        clinic:
          OnlineClinic::ClinicPolicy::ClinicFacts.new(
            member_roles: member_roles,
            archived: archived,
          ),
        strict_confidentiality: strict,
      )
    described_class.new(clinic_policy: clinic_policy, archived: archived)
  end

  it "lets the therapist run sessions, schedule them and set the boundary, but not request one" do
    policy = policy_for(therapist_id, member_roles)
    expect(policy.permissions).to eq(
      can_start: true,
      can_request: false,
      can_schedule: true,
      can_set_boundary: true,
    )
    expect(policy.denial(:control)).to be_nil
  end

  it "lets a client see sessions and ask for one, and nothing else" do
    policy = policy_for(client_id, member_roles)
    expect(policy.denial(:see)).to be_nil
    expect(policy.denial(:request)).to be_nil
    %i[start control schedule set_boundary].each do |action|
      expect(policy.denial(action)).to eq(:not_permitted)
    end
  end

  it "answers :not_found to a stranger for every action, so the clinic does not leak" do
    policy = policy_for(99, member_roles)
    described_class::ACTIONS.each { |action| expect(policy.denial(action)).to eq(:not_found) }
  end

  it "refuses changes in an archived clinic with :archived, while sessions stay visible" do
    therapist = policy_for(therapist_id, member_roles, archived: true)
    expect(therapist.denial(:start)).to eq(:archived)
    expect(therapist.denial(:see)).to be_nil
    expect(policy_for(client_id, member_roles, archived: true).denial(:request)).to eq(:archived)
    expect(policy_for(client_id, member_roles, archived: true).denial(:start)).to eq(:not_permitted)
  end

  it "lets an admin outside the clinic look when strict confidentiality is off, not act" do
    policy = policy_for(50, member_roles, admin: true, strict: false)
    expect(policy.denial(:see)).to be_nil
    expect(policy.denial(:start)).to eq(:not_found)
    expect(policy.denial(:request)).to eq(:not_found)
  end

  it "refuses an unknown action loudly" do
    expect { policy_for(therapist_id, member_roles).denial(:delete) }.to raise_error(ArgumentError)
  end
end
