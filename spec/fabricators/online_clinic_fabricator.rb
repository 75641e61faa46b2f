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

# A session started now by the clinic's therapist (pass clinic:).
Fabricator(:online_clinic_session, from: "OnlineClinic::Session") do
  mode "video"
  number { |attrs| OnlineClinic::Session.next_number(attrs[:clinic].id) }
  request_id { SecureRandom.hex(8) }
  started_by { |attrs| attrs[:clinic].created_by }
  state "running"
  planned_minutes 50
  started_at_ms { OnlineClinic::SessionState.to_ms(Time.now) }
  pauses []
  extensions_minutes 0
end

# A one-off schedule a week ahead, with its appointment written (pass clinic:).
Fabricator(:online_clinic_schedule, from: "OnlineClinic::Schedule") do
  local_start { 1.week.from_now.in_time_zone("Asia/Jerusalem").strftime("%Y-%m-%dT%H:00") }
  time_zone "Asia/Jerusalem"
  length_minutes 50
  recurrence "none"
  created_by { |attrs| attrs[:clinic].created_by }
  after_create { |schedule| schedule.write_appointments! }
end

# A folder a member added to a clinic (pass clinic:), after its other folders.
Fabricator(:online_clinic_folder, from: "OnlineClinic::Folder") do
  name { sequence(:online_clinic_folder_name) { |i| "Folder #{i}" } }
  position do |attrs|
    (OnlineClinic::Folder.where(clinic_id: attrs[:clinic].id).maximum(:position) || -1) + 1
  end
  hidden false
end

# A topic of the clinic filed in the folder (pass folder:), with its first post.
Fabricator(:online_clinic_folder_item, from: "OnlineClinic::FolderItem") do
  topic do |attrs|
    topic = Fabricate(:topic, category: attrs[:folder].clinic.category)
    Fabricate(:post, topic: topic, user: topic.user)
    topic
  end
end
