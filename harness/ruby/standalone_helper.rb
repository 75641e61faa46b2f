# frozen_string_literal: true

# Loads the pure rules so that spec/lib runs on its own. Inside Discourse the plugin's
# autoloader finds them, which is why spec files require nothing.
root = File.expand_path("../..", __dir__)

%w[
  typed_name
  clinic_policy
  clinic_name
  audit_chain
  session_state
  session_policy
  session_schedule
  session_summary
  session_ics
  jitsi_token
  jitsi_room
  screen_url_policy
  screen_state
  record_digest
  archive_manifest
  archive_writer
  archive_verifier
  timeline_page
  video_calls
  folder_name
  framing_policy
].each { |name| require File.join(root, "lib/online_clinic/#{name}") }

RSpec.configure do |config|
  config.disable_monkey_patching!
  config.order = :random
  Kernel.srand config.seed
end
