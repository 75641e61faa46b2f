# frozen_string_literal: true

# A provisioned clinic without going through the service: a hidden group holding the
# therapist (owner) and the clients, a category readable only by that group.
Fabricator(:online_clinic, from: "OnlineClinic::Clinic") do
  transient :therapist, :clients

  name { sequence(:online_clinic_name) { |i| "Clinic #{i}" } }
  kind "individual"
  status "open"
  request_id { SecureRandom.hex(8) }
  created_by { |attrs| attrs[:therapist] || Fabricate(:user) }
  group { Fabricate(:group, visibility_level: Group.visibility_levels[:owners]) }
  moderation_group { Fabricate(:group, visibility_level: Group.visibility_levels[:owners]) }
  category { |attrs| Fabricate(:private_category, group: attrs[:group]) }

  after_create do |clinic, transients|
    therapist = clinic.created_by
    clinic.group.add_owner(therapist)
    clinic.moderation_group.add_owner(therapist)
    OnlineClinic::Membership.create!(clinic: clinic, user: therapist, role: "therapist")

    Array(transients[:clients].presence || [Fabricate(:user)]).each do |client|
      clinic.group.add(client)
      OnlineClinic::Membership.create!(clinic: clinic, user: client, role: "client")
    end
    clinic.reload
  end
end
