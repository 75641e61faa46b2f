# frozen_string_literal: true

RSpec.describe OnlineClinic::Clinic::Create do
  subject(:result) { described_class.call(params:, guardian: therapist.guardian) }

  fab!(:therapists_group, :group)
  fab!(:therapist) { Fabricate(:user).tap { |user| therapists_group.add(user) } }
  fab!(:client, :user)

  let(:request_id) { "request-1" }
  let(:params) do
    { name: "Jenny's clinic", kind: "individual", usernames: [client.username], request_id: }
  end

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SiteSetting.online_clinic_therapists_group = therapists_group.id.to_s
  end

  context "when the creator is not in the therapists group" do
    fab!(:therapist, :user)

    it { is_expected.to fail_a_policy(:can_act) }

    it "creates nothing" do
      expect { result }.not_to change { OnlineClinic::Clinic.count }
    end
  end

  context "when a username is unknown" do
    let(:params) { super().merge(usernames: ["nobody_here"]) }

    it { is_expected.to fail_a_step(:validate_input) }

    it "says which user is unknown" do
      expect(result["result.step.validate_input"].error).to include(
        I18n.t("online_clinic.errors.unknown_user", username: "nobody_here"),
      )
    end

    it "leaves no group, category or clinic behind" do
      expect { result }.to not_change { Group.count }.and not_change { Category.count }.and(
              not_change { OnlineClinic::Clinic.count },
            )
    end
  end

  context "when the name contains HTML" do
    let(:params) { super().merge(name: "<b>Jenny</b>") }

    it { is_expected.to fail_a_step(:validate_input) }
  end

  context "when everything is valid" do
    it { is_expected.to run_successfully }

    it "creates a hidden group that nobody can mention or message" do
      group = result[:clinic].group
      expect(group.visibility_level).to eq(Group.visibility_levels[:owners])
      expect(group.mentionable_level).to eq(Group::ALIAS_LEVELS[:nobody])
      expect(group.messageable_level).to eq(Group::ALIAS_LEVELS[:nobody])
      expect(group.users).to contain_exactly(therapist, client)
    end

    it "creates a category readable by the clinic's group only, under a random slug" do
      category = result[:clinic].category
      expect(category.read_restricted).to eq(true)
      expect(category.category_groups.pluck(:group_id, :permission_type)).to eq(
        [[result[:clinic].group_id, CategoryGroup.permission_types[:full]]],
      )
      expect(category.name).to eq("Jenny's clinic")
      expect(category.slug).to match(/\Ac-[a-z0-9]{12}\z/)
      expect(category.slug).not_to include("jenny")
    end

    it "makes a therapists-only group the category's moderators" do
      clinic = result[:clinic]
      expect(CategoryModerationGroup.where(category: clinic.category).pluck(:group_id)).to eq(
        [clinic.moderation_group_id],
      )
      expect(clinic.moderation_group.users).to contain_exactly(therapist)
    end

    it "posts a pinned, translated welcome topic" do
      topic = result[:clinic].welcome_topic
      expect(topic.title).to eq(I18n.t("online_clinic.welcome_topic.title"))
      expect(topic.pinned_at).to be_present
      expect(topic.category_id).to eq(result[:clinic].category_id)
    end

    it "records the members and a verifiable audit log" do
      clinic = result[:clinic]
      expect(clinic.member_roles).to eq(therapist.id => :therapist, client.id => :client)
      expect(clinic.audit_entries.pluck(:action)).to eq(%w[clinic_opened client_added])
      expect(OnlineClinic::AuditEntry.verify(clinic.audit_entries.to_a).valid).to eq(true)
    end

    it "tells the clinic's members only" do
      messages = MessageBus.track_publish { result }
      message = messages.find { |m| m.channel == "/online-clinic/clinic/#{result[:clinic].id}" }
      expect(message.data).to eq(type: "clinic_changed", clinic_id: result[:clinic].id)
      expect(message.group_ids).to eq([result[:clinic].group_id])
    end
  end

  context "when the same request is sent twice" do
    it "makes one clinic" do
      first = described_class.call(params:, guardian: therapist.guardian)[:clinic]
      expect { result }.not_to change { OnlineClinic::Clinic.count }
      expect(result[:clinic]).to eq(first)
    end
  end

  context "when a client is invited by email" do
    let(:params) { super().merge(usernames: [], emails: ["new.client@example.com"]) }

    it "creates a Discourse invite into the clinic's group" do
      clinic = result[:clinic]
      invite = Invite.find_by(email: "new.client@example.com")
      expect(invite.groups).to contain_exactly(clinic.group)
      expect(clinic.pending_invites.pluck(:email)).to eq(["new.client@example.com"])
    end

    it "makes the invited user a client once they land in the group" do
      clinic = result[:clinic]
      new_user = Fabricate(:user, email: "new.client@example.com")
      clinic.group.add(new_user)
      expect(clinic.reload.member_roles[new_user.id]).to eq(:client)
      expect(clinic.pending_invites).to be_empty
    end
  end

  context "when the chat plugin is enabled" do
    before { SiteSetting.chat_enabled = true }

    it "creates a category channel whose messages reach the clinic's group only" do
      clinic = result[:clinic]
      channel = Chat::Channel.find(clinic.chat_channel_id)
      expect(channel.allowed_group_ids).to eq([clinic.group_id])
    end
  end
end
